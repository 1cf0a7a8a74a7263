package dev.vigil.cli;

import java.nio.file.Path;
import java.util.List;

/** Paths as reports show them: relative to the working directory when under it, as given otherwise. */
final class ShownPaths {

    private ShownPaths() {
    }

    static List<Path> shown(List<Path> paths) {
        Path here = Path.of("").toAbsolutePath();
        return paths.stream().map(p -> shown(here, p)).toList();
    }

    static Path shown(Path here, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(here)) {
            return path;
        }
        return here.relativize(absolute);   // the working directory itself is the empty path: no "./" prefixes
    }
}
