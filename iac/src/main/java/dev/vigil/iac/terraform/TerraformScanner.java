package dev.vigil.iac.terraform;

import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.hcl.terraform.TerraformConfiguration;
import dev.vigil.hcl.terraform.TerraformDiagnostic;
import dev.vigil.hcl.terraform.TerraformLoader;
import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.iac.MappedResources;
import dev.vigil.iac.SourceFiles;
import dev.vigil.iac.Suppressions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
 * read, then the options' variable files and variables. Modules are read only inside the given path they were
 * found under. A {@code .json} file whose top level has {@code format_version} and {@code planned_values} is a
 * plan. Resources are origin {@code Template(file, line, module = root module directory or plan file)} with
 * their Terraform address as ID. Loading never throws for any file content: what cannot be scanned is a
 * {@link Fault} ({@code terraform:parse_error}, {@code terraform:remote_module_not_scanned}, ...) with
 * {@code file:line:column: cause}, and the rest is still scanned. Root modules load in parallel.
 */
public final class TerraformScanner {

    /** The file extensions searched: {@code .tf}, and {@code .json} for {@code .tf.json} files and plans. */
    public static final Set<String> EXTENSIONS = Set.of("tf", "json");
    private static final long MAX_PLAN_BYTES = 64L * 1024 * 1024;

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

    /** A root module directory or a plan file, and the given path it was found under. */
    private record Source(Path path, Path under, boolean plan) {
    }

    /** What one source yielded. */
    private record Loaded(String name, MappedResources mapped, List<Fault> faults) {
    }

    /** Loads every root module and plan found under {@code paths} (files, or directories searched recursively). */
    public TerraformScan load(Collection<Path> paths) {
        Inventory inventory = new Inventory();
        List<Source> sources = new ArrayList<>();
        for (Path given : paths) {
            SourceFiles.Found found = SourceFiles.find(List.of(given), EXTENSIONS);
            found.errors().forEach(p -> inventory.fault(fault(p.path().toString(), "terraform:read", p.message())));
            Map<Path, List<Path>> configurations = new TreeMap<>();
            for (Path file : found.files()) {
                String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
                if (name.endsWith(".tf") || name.endsWith(".tf.json")) {
                    Path directory = file.getParent() == null ? Path.of("") : file.getParent();
                    configurations.computeIfAbsent(directory, d -> new ArrayList<>()).add(file);
                } else if (looksLikePlan(file)) {
                    sources.add(new Source(file, given, true));
                }
            }
            Path under = Files.isDirectory(given) ? given
                    : given.getParent() != null ? given.getParent() : Path.of("");
            RootModules.roots(configurations).forEach(root -> sources.add(new Source(root, under, false)));
        }
        List<Loaded> loaded = sources.parallelStream().map(this::load).toList();
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

    /**
     * Loads one {@code terraform show -json} plan from text, as a plan file found under a path would load; {@code file}
     * names it in origins and faults. JSON that does not parse is a {@code terraform:plan} fault with its line; JSON
     * that is not a plan yields nothing.
     */
    public TerraformScan loadPlan(String file, String text) {
        Loaded loaded = plan(file, text);
        Inventory inventory = new Inventory();
        loaded.mapped().resources().forEach(inventory::add);
        loaded.mapped().faults().forEach(inventory::fault);
        loaded.faults().forEach(inventory::fault);
        return new TerraformScan(inventory, List.of(file), new Suppressions(loaded.mapped().suppressions()));
    }

    private Loaded plan(String name, String text) {
        TerraformMapper mapper = new TerraformMapper(r -> new Origin.Template(name, r.line(), name), region, accountId);
        try {
            return new Loaded(name, mapper.map(PlanReader.read(name, text)), List.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return failed(name, "terraform:plan", e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
        } catch (StackOverflowError e) {
            return failed(name, "terraform:load", "plan nested too deeply");
        } catch (RuntimeException e) {
            return failed(name, "terraform:load", "internal error: " + e);
        }
    }

    private Loaded load(Source source) {
        String name = scope(source.path());
        TerraformMapper mapper = new TerraformMapper(r -> new Origin.Template(
                source.plan() ? name : shown(source.under(), r.file()), r.line(), name), region, accountId);
        try {
            if (source.plan()) {
                return plan(name, Files.readString(source.path(), StandardCharsets.UTF_8));
            }
            TerraformConfiguration configuration =
                    TerraformLoader.load(source.path(), options.withScanRoot(source.under()));
            List<Fault> faults = configuration.diagnostics().stream().map(d -> fault(source, d)).toList();
            return new Loaded(name, mapper.map(configuration.resources()), faults);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return failed(name, "terraform:plan", e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr());
        } catch (IOException e) {
            return failed(name, "terraform:read", "cannot be read: " + e.getMessage());
        } catch (StackOverflowError e) {
            return failed(name, "terraform:load", "configuration nested too deeply");
        } catch (RuntimeException e) {
            // A defect of this loader, not of the files: one configuration must not end a scan of thousands.
            return failed(name, "terraform:load", "internal error: " + e);
        }
    }

    private static Loaded failed(String name, String operation, String problem) {
        return new Loaded(name, new MappedResources(), List.of(fault(name, operation, problem)));
    }

    private static Fault fault(Source source, TerraformDiagnostic diagnostic) {
        String scope = scope(source.path());
        String where = diagnostic.pos() == null ? scope : shown(source.under(), diagnostic.pos().file()) + ":"
                + diagnostic.pos().line() + ":" + diagnostic.pos().column();
        int line = diagnostic.pos() == null ? 0 : diagnostic.pos().line();
        String file = diagnostic.pos() == null ? scope : shown(source.under(), diagnostic.pos().file());
        return new Fault(new Origin.Template(file, line, scope), TerraformMapper.KINDS,
                "terraform:" + diagnostic.kind().name().toLowerCase(Locale.ROOT), where + ": " + diagnostic.message());
    }

    private static Fault fault(String name, String operation, String problem) {
        return new Fault(new Origin.Template(name, 0, name), TerraformMapper.KINDS, operation, name + ": " + problem);
    }

    /** Whether JSON text looks like a {@code terraform show -json} plan: it has {@code planned_values} and {@code format_version}. */
    public static boolean looksLikePlan(String text) {
        return text.contains("\"planned_values\"") && text.contains("\"format_version\"");
    }

    private static boolean looksLikePlan(Path file) {
        try {
            if (Files.size(file) > MAX_PLAN_BYTES) {
                return false;
            }
            return looksLikePlan(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
    }

    /** A file of the scanned tree ({@code relative} to it, '/'-separated) as the user named the tree. */
    private static String shown(Path under, String relative) {
        return under.resolve(relative).toString();
    }

    /** A root module or plan as a scope: its path as found; the working directory is {@code .}. */
    private static String scope(Path path) {
        String shown = path.toString();
        return shown.isEmpty() ? "." : shown;
    }
}
