package dev.vigil.hcl.terraform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inputs beyond the directory: explicit {@code -var-file}s (applied in order, after
 * {@code terraform.tfvars} and {@code *.auto.tfvars}) and {@code -var NAME=VALUE} overrides (applied last).
 */
public record TerraformOptions(List<Path> varFiles, Map<String, String> variables) {
    public TerraformOptions {
        varFiles = List.copyOf(varFiles);
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    public static TerraformOptions defaults() {
        return new TerraformOptions(List.of(), Map.of());
    }

    public TerraformOptions withVarFile(Path file) {
        List<Path> files = new java.util.ArrayList<>(varFiles);
        files.add(file);
        return new TerraformOptions(files, variables);
    }

    /** A {@code -var} override; {@code value} is raw text, typed by the variable's declared type. */
    public TerraformOptions withVariable(String name, String value) {
        Map<String, String> vars = new LinkedHashMap<>(variables);
        vars.put(name, value);
        return new TerraformOptions(varFiles, vars);
    }
}
