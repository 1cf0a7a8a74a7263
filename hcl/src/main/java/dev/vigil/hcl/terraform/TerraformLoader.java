package dev.vigil.hcl.terraform;

import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads and evaluates a Terraform root module from a directory's {@code *.tf} and {@code *.tf.json} files. Reads only
 * files inside that directory tree (plus explicitly given variable files); never fetches remote
 * modules or touches the network.
 */
public final class TerraformLoader {
    private TerraformLoader() {
    }

    public static TerraformConfiguration load(Path rootDir) throws IOException {
        return load(rootDir, TerraformOptions.defaults());
    }

    /** @throws IOException only when the root directory itself cannot be resolved */
    public static TerraformConfiguration load(Path rootDir, TerraformOptions options) throws IOException {
        Path root = rootDir.toRealPath();
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + rootDir);
        }
        ScanRun run = new ScanRun(root);
        ModuleSource rootModule = run.module(root);
        Map<String, Value> inputs = VariableValues.forRoot(run, rootModule, options);
        ModuleEvaluator evaluator = new ModuleEvaluator(run, rootModule, inputs, "", List.of(root), null);
        ObjectValue outputs = evaluator.evaluate();
        return new TerraformConfiguration(evaluator.resources(), outputs.attributes(), run.diagnostics);
    }
}
