package dev.vigil.hcl.terraform;

import dev.vigil.hcl.Attribute;
import dev.vigil.hcl.EvalContext;
import dev.vigil.hcl.Expr;
import dev.vigil.hcl.HclFile;
import dev.vigil.hcl.HclParseException;
import dev.vigil.hcl.HclParser;
import dev.vigil.hcl.SourcePos;
import dev.vigil.hcl.SourceText;
import dev.vigil.hcl.StringValue;
import dev.vigil.hcl.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Root variable values from tfvars files and {@code -var} overrides. */
final class VariableValues {
    private static final Set<String> COMPLEX_TYPES = Set.of("list", "set", "map", "object", "tuple");

    private VariableValues() {
    }

    /**
     * As Terraform reads them: {@code terraform.tfvars}, {@code terraform.tfvars.json}, then {@code *.auto.tfvars}
     * and {@code *.auto.tfvars.json} in lexical order of their names, then the given files in order (a name ending
     * in {@code .json} read as JSON), then {@code -var} values. The root's own files are read inside the scanned
     * tree; the given files are the user's.
     */
    static Map<String, Value> forRoot(ScanRun run, ModuleSource root, TerraformOptions options) {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("terraform.tfvars", "terraform.tfvars.json")) {
            Path defaults = run.rootModule.resolve(name);
            if (Files.exists(defaults, LinkOption.NOFOLLOW_LINKS)) {
                files.add(defaults);
            }
        }
        try (Stream<Path> listing = Files.list(run.rootModule)) {
            listing.filter(p -> isAutoFile(p.getFileName().toString())).sorted().forEach(files::add);
        } catch (IOException e) {
            run.diagnostics.add(new TerraformDiagnostic(TerraformDiagnostic.Kind.UNREADABLE_FILE,
                    "cannot list the root directory: " + e.getMessage(), new SourcePos(".", 1, 1)));
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (Path file : files) {
            values.putAll(readVarFile(run, file, run.root));
        }
        for (Path file : options.varFiles()) {
            values.putAll(readVarFile(run, file, null));
        }
        Map<String, Expr> types = declaredTypes(root);
        options.variables().forEach((name, raw) -> values.put(name, fromCommandLine(run, name, raw, types.get(name))));
        return values;
    }

    private static boolean isAutoFile(String name) {
        return name.endsWith(".auto.tfvars") || name.endsWith(".auto.tfvars.json");
    }

    /** @param tree the real directory the file must be read inside, or null for a file the user named */
    private static Map<String, Value> readVarFile(ScanRun run, Path file, Path tree) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.startsWith(run.root) ? run.root.relativize(absolute).toString().replace('\\', '/')
                : file.toString();
        Map<String, Value> values = new LinkedHashMap<>();
        try {
            String text = SourceText.read(file, tree, TerraformLoader.MAX_FILE_BYTES);
            HclFile parsed = name.endsWith(".json") ? TerraformJson.variables(name, text) : HclParser.parse(name, text);
            EvalContext context = EvalContext.empty().withBudget(run.budget);
            for (Attribute a : parsed.body().attributes().values()) {
                values.put(a.name(), context.evaluate(a.expr()));
            }
        } catch (HclParseException e) {
            run.diagnostics.add(new TerraformDiagnostic(TerraformDiagnostic.Kind.PARSE_ERROR, e.reason(), e.pos()));
        } catch (IOException | RuntimeException e) {
            run.diagnostics.add(new TerraformDiagnostic(TerraformDiagnostic.Kind.UNREADABLE_FILE,
                    "cannot read variables file: " + e.getMessage(), new SourcePos(name, 1, 1)));
        }
        return values;
    }

    /** Like Terraform: a complex-typed variable's value is parsed as an expression, any other is a string. */
    private static Value fromCommandLine(ScanRun run, String name, String raw, Expr type) {
        if (type == null || !COMPLEX_TYPES.contains(typeName(type))) {
            return new StringValue(raw);
        }
        try {
            return EvalContext.empty().withBudget(run.budget).evaluate(HclParser.parseExpression("-var " + name, raw));
        } catch (HclParseException e) {
            run.diagnostics.add(new TerraformDiagnostic(TerraformDiagnostic.Kind.INVALID_VARIABLE,
                    "invalid value for -var " + name + ": " + e.reason(), e.pos()));
            return new StringValue(raw);
        }
    }

    private static Map<String, Expr> declaredTypes(ModuleSource module) {
        Map<String, Expr> types = new LinkedHashMap<>();
        for (ModuleSource.FileBlock fb : module.blocks("variable")) {
            if (!fb.block().labels().isEmpty()) {
                fb.block().body().attribute("type").ifPresent(a -> types.put(fb.block().labels().getFirst(), a.expr()));
            }
        }
        return types;
    }

    private static String typeName(Expr type) {
        return switch (type) {
            case Expr.Variable v -> v.name();
            case Expr.FunctionCall f -> f.name();
            default -> "";
        };
    }
}
