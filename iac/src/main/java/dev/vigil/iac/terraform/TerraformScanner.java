package dev.vigil.iac.terraform;

import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.hcl.SourceText;
import dev.vigil.hcl.terraform.TerraformConfiguration;
import dev.vigil.hcl.terraform.TerraformDiagnostic;
import dev.vigil.hcl.terraform.TerraformLoader;
import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.iac.MappedResources;
import dev.vigil.iac.SourceFiles;
import dev.vigil.iac.Suppressions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads Terraform configurations and {@code terraform show -json} plans into the source-neutral model.
 * <pre>{@code
 * TerraformScan scan = new TerraformScanner(TerraformOptions.defaults().withVariable("env", "prod"))
 *         .load(List.of(Path.of("infra")));
 * scan.inventory().all(DynamoDbTable.class);   // rules run on scan.inventory() unchanged
 * }</pre>
 * Every directory under the given paths with {@code .tf} or {@code .tf.json} files is a root module, unless
 * another such directory calls it as a local module; its {@code terraform.tfvars} and {@code *.auto.tfvars} are
 * read, then the options' variable files and variables. Nothing is read outside the boundary: the options' scan
 * root, else the repository holding each given path ({@link SourceFiles#boundary}). A {@code .json} file whose top
 * level has {@code format_version} and {@code planned_values} is a plan. A root module with a file that was not
 * read or a configuration Terraform refuses yields no resource, only its faults (see
 * {@link TerraformDiagnostic.Kind#undecidesConfiguration()}). Resources are origin {@code Template(file, line, module = root module directory or plan file)} with
 * their Terraform address as ID. Loading never throws for any file content: what cannot be scanned is a
 * {@link Fault} ({@code terraform:parse_error}, {@code terraform:remote_module_not_scanned}, ...) with
 * {@code file:line:column: cause}, and the rest is still scanned. Root modules load in parallel.
 */
public final class TerraformScanner {

    /** The file extensions searched: {@code .tf}, and {@code .json} for {@code .tf.json} files and plans. */
    public static final Set<String> EXTENSIONS = Set.of("tf", "json");
    private static final long MAX_PLAN_BYTES = 64L * 1024 * 1024;
    /** How much of an over-size {@code .json} file is read to tell whether it is a plan. */
    private static final int PLAN_HEAD_BYTES = 64 * 1024;
    private static final Path WORKING_DIRECTORY = workingDirectory();

    private final TerraformOptions options;
    private final String region;
    private final String accountId;

    /** @param options variable files and variables for every root module; the scan root is set per path */
    public TerraformScanner(TerraformOptions options) {
        this(options, null, null);
    }

    /**
     * @param region    the region the configurations are applied to, or null (DB instance ARNs then say
     *                  {@code ${region}}, and literal ARNs naming a region cover them only as unknown)
     * @param accountId the account, likewise ({@code ${account}})
     */
    public TerraformScanner(TerraformOptions options, String region, String accountId) {
        this.options = options;
        this.region = region;
        this.accountId = accountId;
    }

    /** A root module directory or a plan file, and the real directory nothing it reads may lie outside. */
    private record Source(Path path, Path tree, boolean plan) {
    }

    /** What one source yielded; null {@code mapped} for a {@code .json} file that is not a plan after all. */
    private record Loaded(String name, MappedResources mapped, List<Fault> faults) {
    }

    /** Loads every root module and plan found under {@code paths} (files, or directories searched recursively). */
    public TerraformScan load(Collection<Path> paths) {
        Inventory inventory = new Inventory();
        SourceFiles.Found found = SourceFiles.find(paths, EXTENSIONS, options.scanRoot());
        found.errors().forEach(p -> inventory.fault(fault(p.path().toString(), "terraform:read", p.message())));
        List<Source> sources = new ArrayList<>();
        Map<Path, List<Path>> configurations = new TreeMap<>();
        Map<Path, Path> trees = new HashMap<>();
        for (SourceFiles.Source file : found.files()) {
            String name = String.valueOf(file.path().getFileName()).toLowerCase(Locale.ROOT);
            if (name.endsWith(".tf") || name.endsWith(".tf.json")) {
                Path directory = file.path().getParent() == null ? Path.of("") : file.path().getParent();
                configurations.computeIfAbsent(directory, d -> new ArrayList<>()).add(file.path());
                if (file.tree() != null) {
                    trees.putIfAbsent(directory, file.tree());
                }
            } else if (name.endsWith(".json")) {
                sources.add(new Source(file.path(), file.tree(), true));   // a plan if its text says so
            }
        }
        for (Path root : RootModules.roots(configurations, trees)) {
            try {
                Path tree = trees.containsKey(root) ? trees.get(root) : SourceFiles.boundary(root, options.scanRoot());
                sources.add(new Source(root, tree, false));
            } catch (IOException e) {
                inventory.fault(fault(scope(root), "terraform:read", e.getMessage()));
            }
        }
        List<Loaded> loaded = sources.parallelStream().map(this::guardedLoad).filter(l -> l.mapped() != null)
                .toList();
        Map<Suppressions.Key, Map<String, String>> suppressions = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Loaded result : loaded) {
            names.add(result.name());
            result.mapped().resources().forEach(inventory::add);
            result.mapped().faults().forEach(inventory::fault);
            result.faults().forEach(inventory::fault);
            suppressions.putAll(result.mapped().suppressions());
        }
        return new TerraformScan(inventory, names, new Suppressions(suppressions));
    }

    /** Whatever goes wrong in one source is that source's fault: one configuration must not end a scan. */
    private Loaded guardedLoad(Source source) {
        String name = scope(source.path());
        try {
            return load(source);
        } catch (IOException e) {
            return failed(name, "terraform:read", "cannot be read: " + e.getMessage());
        } catch (StackOverflowError e) {
            return failed(name, "terraform:load", "configuration nested too deeply");
        } catch (RuntimeException e) {
            // A defect of this loader, not of the files.
            return failed(name, "terraform:load", "internal error: " + e);
        }
    }

    private Loaded load(Source source) throws IOException {
        String name = scope(source.path());
        if (source.plan()) {
            return loadPlan(source, name);
        }
        TerraformConfiguration configuration = TerraformLoader.load(source.path(), options.withScanRoot(source.tree()));
        List<Fault> faults = configuration.diagnostics().stream().map(d -> fault(source, d)).toList();
        if (configuration.diagnostics().stream().anyMatch(d -> d.kind().undecidesConfiguration())) {
            // No resource of it is mapped: each rule reports these faults as ERROR for the module, never a verdict
            // that the missing input or the refused configuration could change.
            return new Loaded(name, new MappedResources(), faults);
        }
        TerraformMapper mapper = new TerraformMapper(r -> new Origin.Template(shown(source.tree(), r.file()),
                r.line(), name), region, accountId);
        return new Loaded(name, mapper.map(configuration.resources()), faults);
    }

    private Loaded loadPlan(Source source, String name) throws IOException {
        String text;
        try {
            text = SourceText.read(source.path(), source.tree(), MAX_PLAN_BYTES);
        } catch (SourceText.TooLarge e) {
            return SourceText.head(source.path(), source.tree(), PLAN_HEAD_BYTES).contains("\"format_version\"")
                    ? failed(name, "terraform:plan", e.getMessage()) : new Loaded(name, null, List.of());
        }
        return plan(name, text);
    }

    /**
     * Loads one {@code terraform show -json} plan from text, as a plan file found under a path loads; {@code file}
     * names it in origins and faults. A plan that does not parse is a {@code terraform:plan} fault naming its line;
     * text that is not a plan yields nothing.
     */
    public TerraformScan loadPlan(String file, String text) {
        Loaded loaded;
        try {
            loaded = plan(file, text);
        } catch (StackOverflowError e) {
            loaded = failed(file, "terraform:load", "plan nested too deeply");
        } catch (RuntimeException e) {
            loaded = failed(file, "terraform:load", "internal error: " + e);
        }
        Inventory inventory = new Inventory();
        if (loaded.mapped() == null) {
            return new TerraformScan(inventory, List.of(), new Suppressions(Map.of()));
        }
        loaded.mapped().resources().forEach(inventory::add);
        loaded.mapped().faults().forEach(inventory::fault);
        loaded.faults().forEach(inventory::fault);
        return new TerraformScan(inventory, List.of(file), new Suppressions(loaded.mapped().suppressions()));
    }

    /** Whether JSON text looks like a {@code terraform show -json} plan (callers that hold the text ask first). */
    public static boolean looksLikePlan(String text) {
        return PlanReader.looksLikePlan(text);
    }

    private Loaded plan(String name, String text) {
        if (!PlanReader.looksLikePlan(text)) {
            return new Loaded(name, null, List.of());
        }
        TerraformMapper mapper = new TerraformMapper(r -> new Origin.Template(name, r.line(), name), region,
                accountId);
        try {
            return new Loaded(name, mapper.map(PlanReader.read(name, text)), List.of());
        } catch (PlanReader.InvalidPlan e) {
            return failed(name, "terraform:plan", e.getMessage());
        }
    }

    private static Loaded failed(String name, String operation, String problem) {
        return new Loaded(name, new MappedResources(), List.of(fault(name, operation, problem)));
    }

    private static Fault fault(Source source, TerraformDiagnostic diagnostic) {
        String scope = scope(source.path());
        String where = diagnostic.pos() == null ? scope : shown(source.tree(), diagnostic.pos().file()) + ":"
                + diagnostic.pos().line() + ":" + diagnostic.pos().column();
        int line = diagnostic.pos() == null ? 0 : diagnostic.pos().line();
        String file = diagnostic.pos() == null ? scope : shown(source.tree(), diagnostic.pos().file());
        String problem = (diagnostic.kind() == TerraformDiagnostic.Kind.PARSE_ERROR ? "does not parse: " : "")
                + diagnostic.message()
                + (diagnostic.kind().undecidesConfiguration() ? "; no check of " + scope + " can be decided" : "");
        return new Fault(new Origin.Template(file, line, scope), TerraformMapper.KINDS,
                "terraform:" + diagnostic.kind().name().toLowerCase(Locale.ROOT), where + ": " + problem);
    }

    private static Fault fault(String name, String operation, String problem) {
        return new Fault(new Origin.Template(name, 0, name), TerraformMapper.KINDS, operation, name + ": " + problem);
    }

    /**
     * A file of the scanned tree ({@code relative} to the real directory {@code tree}, '/'-separated) as reports
     * show paths: relative to the working directory when under it, else absolute.
     */
    private static String shown(Path tree, String relative) {
        Path file = tree.resolve(relative);
        return (file.startsWith(WORKING_DIRECTORY) ? WORKING_DIRECTORY.relativize(file) : file).toString();
    }

    private static Path workingDirectory() {
        try {
            return Path.of("").toRealPath();
        } catch (IOException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /** A root module or plan as a scope: its path as found; the working directory is {@code .}. */
    private static String scope(Path path) {
        String shown = path.toString();
        return shown.isEmpty() ? "." : shown;
    }
}
