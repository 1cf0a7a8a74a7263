package dev.vigil.iac;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds source files under the given paths: files given directly, and files found recursively in
 * directories, by extension. Skips tool and dependency directories ({@code .git}, {@code node_modules},
 * {@code .terraform}, {@code target}); follows symbolic links to files but not to directories (no cycles).
 */
public final class SourceFiles {

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", ".terraform", "target");

    /** @param files in path order; {@code errors} what could not be read, one line each */
    public record Found(List<Path> files, List<Problem> errors) {
    }

    /** A path that could not be read, and why. */
    public record Problem(Path path, String message) {
    }

    private SourceFiles() {
    }

    /** Files under {@code paths} whose name ends with one of {@code extensions} (without the dot, any case). */
    public static Found find(Collection<Path> paths, Set<String> extensions) {
        Set<Path> files = new TreeSet<>();
        List<Problem> errors = new ArrayList<>();
        for (Path root : paths) {
            if (Files.isRegularFile(root)) {
                files.add(root);
                continue;
            }
            if (!Files.isDirectory(root)) {
                errors.add(new Problem(root, "no such file or directory"));
                continue;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(root) && SKIPPED_DIRECTORIES.contains(String.valueOf(dir.getFileName()))
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        boolean regular = attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file);
                        if (regular && extensions.contains(extension(file))) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        errors.add(new Problem(file, "cannot be read: " + e.getMessage()));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                errors.add(new Problem(root, "cannot be read: " + e.getMessage()));
            }
        }
        return new Found(List.copyOf(files), List.copyOf(errors));
    }

    /** The extension of a file's name in lower case, without the dot; empty when there is none. */
    public static String extension(Path file) {
        return extension(String.valueOf(file.getFileName()));
    }

    /** The extension of a file name or path in lower case, without the dot; empty when there is none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'))) {
            return "";
        }
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
