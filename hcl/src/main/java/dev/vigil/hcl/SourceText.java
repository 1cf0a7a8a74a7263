package dev.vigil.hcl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads the source files of a scan, the one way every loader opens them: the real path is resolved first and
 * must lie inside the scanned tree (a symbolic link out of it is refused before anything is opened), the
 * file must be a regular file no larger than the caller's limit (checked before reading, and again while
 * reading, in case it grows), and the text is decoded by its byte order mark: UTF-8 without one, UTF-8 with
 * {@code EF BB BF} (the mark dropped), UTF-16 with {@code FE FF} or {@code FF FE}.
 */
public final class SourceText {

    private SourceText() {
    }

    /** Why a file was not read; the message is one line, safe to print, and names no file outside the tree. */
    public static class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** A file over the caller's limit; {@link #head} can still tell what it is. */
    public static final class TooLarge extends Refused {
        TooLarge(long size, long maxBytes) {
            super("larger than the " + megabytes(maxBytes) + " limit (" + megabytes(size) + "); not read");
        }
    }

    /**
     * @param tree     the real directory the file must resolve inside, or null for a file the user named
     *                 directly (read wherever it lives)
     * @param maxBytes the largest file read
     * @throws Refused     outside the tree, not a regular file, or larger than {@code maxBytes}
     * @throws IOException when it cannot be read
     */
    public static String read(Path file, Path tree, long maxBytes) throws IOException {
        Path real = file.toRealPath();
        long size = size(real, tree);
        if (size > maxBytes) {
            throw new TooLarge(size, maxBytes);
        }
        try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) size + 1);
            while (channel.read(buffer) > 0) {
                if (!buffer.hasRemaining()) {
                    long grown = channel.size();
                    if (grown > maxBytes) {
                        throw new TooLarge(grown, maxBytes);
                    }
                    buffer = ByteBuffer.allocate((int) grown + 1).put(buffer.flip());
                }
            }
            return decode(buffer.array(), buffer.position());
        }
    }

    /** The first {@code bytes} bytes of a file as text, with the checks of {@link #read} but any size. */
    public static String head(Path file, Path tree, int bytes) throws IOException {
        Path real = file.toRealPath();
        size(real, tree);
        try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(bytes);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // fill the buffer or reach the end
            }
            return decode(buffer.array(), buffer.position());
        }
    }

    /** The size of a real path inside {@code tree} (when given) that is a regular file. */
    private static long size(Path real, Path tree) throws IOException {
        if (tree != null && !real.startsWith(tree)) {
            throw new Refused("a symbolic link to a file outside the scanned tree; not read");
        }
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new Refused("not a regular file; not read");
        }
        return attributes.size();
    }

    /** Text of {@code length} bytes, by byte order mark (see the class comment). */
    static String decode(byte[] bytes, int length) {
        if (length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, length - 3, StandardCharsets.UTF_8);
        }
        if (length >= 2) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            Charset utf16 = first == 0xfe && second == 0xff ? StandardCharsets.UTF_16BE
                    : first == 0xff && second == 0xfe ? StandardCharsets.UTF_16LE : null;
            if (utf16 != null) {
                return new String(bytes, 2, length - 2, utf16);
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** {@code 8 MiB}, {@code 2.1 GiB}, or bytes below one MiB. */
    static String megabytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return bytes % (1L << 20) == 0 ? bytes / (1L << 20) + " MiB"
                    : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return bytes + " bytes";
    }
}
