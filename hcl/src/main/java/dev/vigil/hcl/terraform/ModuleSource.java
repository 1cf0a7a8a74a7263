package dev.vigil.hcl.terraform;

import dev.vigil.hcl.Block;
import dev.vigil.hcl.Comment;
import dev.vigil.hcl.HclFile;
import dev.vigil.hcl.HclParseException;
import dev.vigil.hcl.HclParser;
import dev.vigil.hcl.SourcePos;
import dev.vigil.hcl.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The parsed {@code *.tf} and {@code *.tf.json} files of one module directory, with comments indexed
 * by line for skip directives.
 */
final class ModuleSource {
    /** A top-level block with the file it came from. */
    record FileBlock(HclFile file, Block block) {
    }

    private final Path dir;
    private final List<HclFile> files;
    private final Map<String, Map<Integer, List<Comment>>> commentsByLine = new HashMap<>();

    private ModuleSource(Path dir, List<HclFile> files) {
        this.dir = dir;
        this.files = List.copyOf(files);
        for (HclFile f : files) {
            Map<Integer, List<Comment>> byLine = commentsByLine.computeIfAbsent(f.file(), k -> new HashMap<>());
            for (Comment c : f.comments()) {
                byLine.computeIfAbsent(c.line(), k -> new ArrayList<>()).add(c);
            }
        }
    }

    /** Reads and parses the module at {@code dir} (a real path inside {@code root}); problems become diagnostics. */
    static ModuleSource load(Path root, Path dir, List<TerraformDiagnostic> diagnostics) {
        String relativeDir = root.equals(dir) ? "." : root.relativize(dir).toString().replace('\\', '/');
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            paths = listing.filter(p -> isConfigFile(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            diagnostics.add(new TerraformDiagnostic(TerraformDiagnostic.Kind.UNREADABLE_FILE,
                    "cannot list module directory: " + e.getMessage(), new SourcePos(relativeDir, 1, 1)));
            paths = List.of();
        }
        List<HclFile> files = new ArrayList<>();
        for (Path path : paths) {
            String name = root.relativize(path).toString().replace('\\', '/');
            String fileName = path.getFileName().toString();
            if (fileName.matches("(.*_)?override\\.tf(\\.json)?")) {
                diagnostics.add(new TerraformDiagnostic(TerraformDiagnostic.Kind.OVERRIDE_FILE_SKIPPED,
                        "override files are not merged by the static scanner; skipped", new SourcePos(name, 1, 1)));
                continue;
            }
            try {
                String text = SourceText.read(path, root, TerraformLoader.MAX_FILE_BYTES);
                files.add(fileName.endsWith(".json") ? TerraformJson.parse(name, text) : HclParser.parse(name, text));
            } catch (HclParseException e) {
                diagnostics.add(new TerraformDiagnostic(TerraformDiagnostic.Kind.PARSE_ERROR, e.reason(), e.pos()));
            } catch (SourceText.Refused e) {
                diagnostics.add(new TerraformDiagnostic(TerraformDiagnostic.Kind.UNREADABLE_FILE, e.getMessage(),
                        new SourcePos(name, 1, 1)));
            } catch (IOException | RuntimeException e) {
                diagnostics.add(new TerraformDiagnostic(TerraformDiagnostic.Kind.UNREADABLE_FILE,
                        "cannot read: " + e.getMessage(), new SourcePos(name, 1, 1)));
            }
        }
        duplicates(files, diagnostics);
        return new ModuleSource(dir, files);
    }

    /**
     * What Terraform allows once per module but is declared twice: a resource or data source address, a variable,
     * module call, output or local value. Terraform refuses such a configuration.
     */
    private static void duplicates(List<HclFile> files, List<TerraformDiagnostic> diagnostics) {
        Map<String, SourcePos> seen = new HashMap<>();
        for (HclFile f : files) {
            for (Block b : f.body().blocks()) {
                List<String> labels = b.labels();
                switch (b.type()) {
                    case "resource", "data" -> {
                        if (labels.size() == 2) {
                            declare(b.type() + " \"" + labels.get(0) + "\" \"" + labels.get(1) + "\"", b.pos(), seen,
                                    diagnostics);
                        }
                    }
                    case "variable", "module", "output" -> {
                        if (labels.size() == 1) {
                            declare(b.type() + " \"" + labels.getFirst() + "\"", b.pos(), seen, diagnostics);
                        }
                    }
                    case "locals" -> b.body().attributes().values().forEach(a ->
                            declare("local value " + a.name(), a.pos(), seen, diagnostics));
                    default -> { }
                }
            }
        }
    }

    private static void declare(String what, SourcePos at, Map<String, SourcePos> seen,
                                List<TerraformDiagnostic> diagnostics) {
        SourcePos first = seen.putIfAbsent(what, at);
        if (first != null) {
            diagnostics.add(new TerraformDiagnostic(TerraformDiagnostic.Kind.DUPLICATE_DECLARATION, what
                    + " is declared twice (first at " + first.file() + ":" + first.line() + ")", at));
        }
    }

    private static boolean isConfigFile(String fileName) {
        return fileName.endsWith(".tf") || fileName.endsWith(".tf.json");
    }

    Path dir() {
        return dir;
    }

    List<FileBlock> blocks(String type) {
        List<FileBlock> out = new ArrayList<>();
        for (HclFile f : files) {
            for (Block b : f.body().blocks()) {
                if (b.type().equals(type)) {
                    out.add(new FileBlock(f, b));
                }
            }
        }
        return out;
    }

    /**
     * Skip directives in comments on the block's first line or on the unbroken run of comment-only
     * lines directly above it.
     */
    List<SkipDirective> skipsFor(HclFile file, int line) {
        Map<Integer, List<Comment>> byLine = commentsByLine.getOrDefault(file.file(), Map.of());
        List<SkipDirective> out = new ArrayList<>();
        for (Comment c : byLine.getOrDefault(line, List.of())) {
            out.addAll(SkipDirective.parse(c.text(), c.line()));
        }
        for (int above = line - 1; above > 0; above--) {
            List<Comment> standalone = byLine.getOrDefault(above, List.of()).stream().filter(Comment::standalone)
                    .toList();
            if (standalone.isEmpty()) {
                break;
            }
            for (Comment c : standalone) {
                out.addAll(0, SkipDirective.parse(c.text(), c.line()));
            }
        }
        return out;
    }
}
