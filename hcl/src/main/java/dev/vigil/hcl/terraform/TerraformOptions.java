package dev.vigil.hcl.terraform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inputs beyond the directory: explicit {@code -var-file}s (applied in order, after
 * {@code terraform.tfvars}, {@code terraform.tfvars.json} and {@code *.auto.tfvars[.json]}),
 * {@code -var NAME=VALUE} overrides (applied last), and the scanned tree: the directory that local
 * module sources and every file read must stay inside, and that file names are relative to (null:
 * the root module's directory; a scanner may choose a wider default, such as the repository's top).
 */
public record TerraformOptions(List<Path> varFiles, Map<String, String> variables, Path scanRoot) {
    public TerraformOptions {
        varFiles = List.copyOf(varFiles);
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    public static TerraformOptions defaults() {
        return new TerraformOptions(List.of(), Map.of(), null);
    }

    public TerraformOptions withVarFile(Path file) {
        List<Path> files = new ArrayList<>(varFiles);
        files.add(file);
        return new TerraformOptions(files, variables, scanRoot);
    }

    /** A {@code -var} override; {@code value} is raw text, typed by the variable's declared type. */
    public TerraformOptions withVariable(String name, String value) {
        Map<String, String> vars = new LinkedHashMap<>(variables);
        vars.put(name, value);
        return new TerraformOptions(varFiles, vars, scanRoot);
    }

    /**
     * Scans a root module inside a larger tree, such as {@code examples/basic} of a repository whose
     * own root holds the module it calls with {@code source = "../../"}.
     */
    public TerraformOptions withScanRoot(Path root) {
        return new TerraformOptions(varFiles, variables, root);
    }
}
