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
    /** The largest configuration or variables file read. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private TerraformLoader() {
    }

    public static TerraformConfiguration load(Path rootDir) throws IOException {
        return load(rootDir, TerraformOptions.defaults());
    }

    /**
     * @throws IOException only when the root module's directory or the scan root cannot be
     *                     resolved, or the directory is not inside the scan root
     */
    public static TerraformConfiguration load(Path rootDir, TerraformOptions options) throws IOException {
        Path root = rootDir.toRealPath();
        Path tree = options.scanRoot() == null ? root : options.scanRoot().toRealPath();
        if (!Files.isDirectory(root) || !root.startsWith(tree)) {
            throw new IOException("not a directory inside " + tree + ": " + rootDir);
        }
        ScanRun run = new ScanRun(tree, root);
        ModuleSource rootModule = run.module(root);
        Map<String, Value> inputs = VariableValues.forRoot(run, rootModule, options);
        ModuleEvaluator evaluator = new ModuleEvaluator(run, rootModule, inputs, "", List.of(root), null);
        ObjectValue outputs = evaluator.evaluate();
        return new TerraformConfiguration(evaluator.resources(), outputs.attributes(), run.diagnostics);
    }
}
