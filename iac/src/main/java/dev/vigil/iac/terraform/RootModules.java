package dev.vigil.iac.terraform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which directories holding {@code .tf}/{@code .tf.json} files are root modules: all of them, except those that
 * another of them calls as a local module ({@code source = "./modules/db"}), which are scanned through their
 * callers with the callers' inputs instead.
 */
final class RootModules {

    private static final Pattern LOCAL_SOURCE = Pattern.compile("\"?source\"?\\s*[=:]\\s*\"(\\.{1,2}/[^\"]*)\"");

    private RootModules() {
    }

    /** @param filesByDirectory configuration files by directory, as found */
    static List<Path> roots(Map<Path, List<Path>> filesByDirectory) {
        Set<Path> called = new HashSet<>();
        for (Map.Entry<Path, List<Path>> directory : filesByDirectory.entrySet()) {
            Path self = normal(directory.getKey());
            for (Path file : directory.getValue()) {
                for (String source : localSources(file)) {
                    Path target = normal(directory.getKey().resolve(source));
                    if (!target.equals(self)) {
                        called.add(target);
                    }
                }
            }
        }
        List<Path> roots = new ArrayList<>();
        for (Path directory : filesByDirectory.keySet()) {
            if (!called.contains(normal(directory))) {
                roots.add(directory);
            }
        }
        return roots;
    }

    private static Collection<String> localSources(Path file) {
        List<String> sources = new ArrayList<>();
        try {
            Matcher matcher = LOCAL_SOURCE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (matcher.find()) {
                sources.add(matcher.group(1));
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable here is reported when the directory is loaded; it just calls no module we can see.
        }
        return sources;
    }

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
