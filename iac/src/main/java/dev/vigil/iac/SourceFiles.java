package dev.vigil.iac;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds source files under the given paths: files given directly, and files found recursively in
 * directories, by extension. Skips tool and dependency directories ({@code .git}, {@code node_modules},
 * {@code .terraform}, {@code target}); does not follow symbolic links to directories (no cycles, no tree seen
 * twice); lists symbolic links to files, to be read only if they resolve inside the scan's boundary.
 */
public final class SourceFiles {

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", ".terraform", "target");

    /**
     * A file found: its path as found, and the boundary its real path must stay inside (the real directory of
     * {@link #boundary}); null for a file the user named directly, which is read wherever it lives.
     */
    public record Source(Path path, Path tree) {
    }

    /** @param files in path order; {@code errors} what could not be read, one line each */
    public record Found(List<Source> files, List<Problem> errors) {

        /**
         * One path per real file, for files that stand alone (a template): a link to a file also found is dropped,
         * the file itself kept. Terraform's files are not: a file linked into two directories is in two modules.
         */
        public Found onePerFile() {
            Map<Path, Source> byRealPath = new LinkedHashMap<>();
            for (Source source : files) {
                Path real;
                try {
                    real = source.path().toRealPath();
                } catch (IOException e) {
                    real = source.path();   // reading it will say why it cannot be read
                }
                Source seen = byRealPath.putIfAbsent(real, source);
                if (seen != null && Files.isSymbolicLink(seen.path()) && !Files.isSymbolicLink(source.path())) {
                    byRealPath.put(real, source);
                }
            }
            return new Found(byRealPath.values().stream().sorted(Comparator.comparing(Source::path)).toList(),
                    errors);
        }
    }

    /** A path that could not be read, and why. */
    public record Problem(Path path, String message) {
    }

    private SourceFiles() {
    }

    /**
     * Files under {@code paths} whose name ends with one of {@code extensions} (without the dot, any case).
     *
     * @param root the boundary named by the user ({@code --root}), or null for each path's default
     */
    public static Found find(Collection<Path> paths, Set<String> extensions, Path root) {
        Map<Path, Source> files = new TreeMap<>();
        List<Problem> errors = new ArrayList<>();
        for (Path given : paths) {
            if (Files.isRegularFile(given)) {
                files.putIfAbsent(given, new Source(given, null));
                continue;
            }
            if (!Files.isDirectory(given)) {
                errors.add(new Problem(given, "no such file or directory"));
                continue;
            }
            Path tree;
            try {
                tree = boundary(given, root);
            } catch (IOException e) {
                errors.add(new Problem(given, e.getMessage()));
                continue;
            }
            walk(given, tree, extensions, files, errors);
        }
        return new Found(List.copyOf(files.values()), List.copyOf(errors));
    }

    private static void walk(Path given, Path tree, Set<String> extensions, Map<Path, Source> files,
                             List<Problem> errors) {
        try {
            Files.walkFileTree(given, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(given) && SKIPPED_DIRECTORIES.contains(String.valueOf(dir.getFileName()))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!extensions.contains(extension(file))) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file)) {
                        files.putIfAbsent(file, new Source(file, tree));
                    } else if (attrs.isSymbolicLink() && !Files.exists(file)) {
                        errors.add(new Problem(file, "a symbolic link to nothing"));
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
            errors.add(new Problem(given, "cannot be read: " + e.getMessage()));
        }
    }

    /**
     * The real directory nothing under {@code given} may be read outside of: {@code root} when the user named
     * one (it must contain {@code given}), else the top of the repository holding {@code given} (the nearest
     * directory with a {@code .git} entry), else {@code given} itself (or a given file's directory).
     *
     * @throws IOException when {@code given} is not inside {@code root}, or a path cannot be resolved
     */
    public static Path boundary(Path given, Path root) throws IOException {
        Path real = given.toRealPath();
        Path start = Files.isDirectory(real) ? real : real.getParent();
        if (root != null) {
            Path top = root.toRealPath();
            if (!start.startsWith(top)) {
                throw new IOException("not inside --root " + root);
            }
            return top;
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return dir;
            }
        }
        return start;
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
