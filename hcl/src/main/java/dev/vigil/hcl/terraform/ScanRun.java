package dev.vigil.hcl.terraform;

import dev.vigil.hcl.Budget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** State shared by every module of one scan: the root, the step budget, results and parsed modules. */
final class ScanRun {
    static final long STEP_BUDGET = 50_000_000;
    static final int MAX_MODULE_DEPTH = 16;
    static final int MAX_INSTANCES = 10_000;
    static final int MAX_MODULE_INSTANCES = 2_000;

    /** The scanned tree: module sources must resolve inside it; file names are relative to it. */
    final Path root;
    /** The root module's directory, inside {@code root}. */
    final Path rootModule;
    final Budget budget = new Budget(STEP_BUDGET);
    final List<TerraformDiagnostic> diagnostics = new ArrayList<>();
    private final Map<Path, ModuleSource> modules = new HashMap<>();
    private int moduleInstances;

    ScanRun(Path root, Path rootModule) {
        this.root = root;
        this.rootModule = rootModule;
    }

    /** Counts one more module instance; false once the scan-wide limit is reached. */
    boolean admitModuleInstance() {
        return ++moduleInstances <= MAX_MODULE_INSTANCES;
    }

    ModuleSource module(Path realDir) {
        return modules.computeIfAbsent(realDir, d -> ModuleSource.load(root, d, diagnostics));
    }
}
