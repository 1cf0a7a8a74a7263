package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.aws.remediate.Applied;
import dev.vigil.aws.remediate.Change;
import dev.vigil.aws.remediate.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;

/**
 * The audit log: one JSON line per event, appended and forced to disk before the fix goes on. Before each change
 * an {@code attempted} line records the intent; after it a {@code done} or {@code failed} line with the same
 * {@code id} records the outcome. A change is never made unrecorded: a log that cannot be opened refuses the run
 * before any change, one that cannot be written stops it before the next change, and a crash between intent and
 * outcome leaves the {@code attempted} line to say what may have happened.
 */
final class AuditLog implements Journal, AutoCloseable {

    /** Default location, documented in the README. */
    static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".vigil", "audit.jsonl");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final FileChannel channel;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int sequence;

    private AuditLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens the log for appending, creating it and its directory; fails when it cannot be written. */
    static AuditLog open(Path file) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new AuditLog(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND));
        } catch (IOException | SecurityException e) {
            throw new IOException("cannot write the audit log " + file + " (" + why(e)
                    + "); nothing was changed. Use --audit-log FILE for a log Vigil can write.", e);
        }
    }

    @Override
    public void intent(Change change) {
        sequence++;
        ObjectNode line = entry(change, "attempted");
        write(line, "before " + change.action() + " " + change.resource() + "; it was not made");
    }

    @Override
    public void outcome(Applied applied) {
        if (!applied.attempted()) {
            return;
        }
        ObjectNode line = entry(applied.change(), applied.ok() ? "done" : "failed")
                .put("after", applied.ok() ? applied.after() : null)
                .put("ok", applied.ok());
        if (!applied.ok()) {
            line.put("error", applied.error());
        }
        write(line, "after " + applied.change().action() + " " + applied.change().resource()
                + "; its 'attempted' entry stands");
    }

    private ObjectNode entry(Change change, String status) {
        ObjectNode line = JSON.createObjectNode()
                .put("time", Instant.now().toString())
                .put("id", run + "-" + sequence)
                .put("status", status)
                .put("account", change.account())
                .put("region", change.region())
                .put("action", change.action())
                .put("resource", change.resource())
                .put("before", change.before());
        line.putPOJO("targets", change.targets());
        return line;
    }

    private void write(ObjectNode line, String where) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + file + " (" + why(e) + ") " + where
                    + "; no further change was made", e);
        }
    }

    private static String why(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT) + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
