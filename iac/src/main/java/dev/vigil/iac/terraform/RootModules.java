package dev.vigil.iac.terraform;

import dev.vigil.hcl.SourceText;
import dev.vigil.hcl.terraform.TerraformLoader;
import java.io.IOException;
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

    /**
     * @param filesByDirectory configuration files by directory, as found
     * @param trees            the real directory each directory's files must be read inside (absent: anywhere)
     */
    static List<Path> roots(Map<Path, List<Path>> filesByDirectory, Map<Path, Path> trees) {
        Set<Path> called = new HashSet<>();
        for (Map.Entry<Path, List<Path>> directory : filesByDirectory.entrySet()) {
            Path self = real(directory.getKey());
            for (Path file : directory.getValue()) {
                for (String source : localSources(file, trees.get(directory.getKey()))) {
                    Path target = real(directory.getKey().resolve(source));
                    if (!target.equals(self)) {
                        called.add(target);
                    }
                }
            }
        }
        List<Path> roots = new ArrayList<>();
        for (Path directory : filesByDirectory.keySet()) {
            if (!called.contains(real(directory))) {
                roots.add(directory);
            }
        }
        return roots;
    }

    private static Collection<String> localSources(Path file, Path tree) {
        List<String> sources = new ArrayList<>();
        try {
            Matcher matcher = LOCAL_SOURCE.matcher(SourceText.read(file, tree, TerraformLoader.MAX_FILE_BYTES));
            while (matcher.find()) {
                sources.add(matcher.group(1));
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable here is reported when the directory is loaded; it just calls no module we can see.
        }
        return sources;
    }

    /** The real path, so that a directory reached through a link is the directory itself. */
    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
