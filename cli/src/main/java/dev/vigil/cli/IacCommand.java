package dev.vigil.cli;

import dev.vigil.core.engine.Engine;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.engine.Suppression;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.iac.cloudformation.CloudFormationOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "iac", mixinStandardHelpOptions = true,
        description = {"Scan infrastructure-as-code (CloudFormation JSON and YAML, Terraform configurations and "
                + "'terraform show -json' plans) and report checks.",
                "Directories are searched recursively. Exit codes as for 'scan': 0 clean, 1 failures at or "
                        + "above --fail-on, 2 errors (including files that do not parse)."})
final class IacCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Template or plan files, or directories.")
    List<Path> paths = new ArrayList<>();

    @Mixin
    RuleSelection rules;

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "Template parameter value; repeatable; wins over --params-file and Default.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--params-file", paramLabel = "FILE",
            description = "Parameter values: [{\"ParameterKey\": .., \"ParameterValue\": ..}] or {\"Key\": \"Value\"}.")
    Path parametersFile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Value of AWS::Region, and the region of Terraform DB instance ARNs (default: "
                    + "unresolved, shown as $${AWS::Region} and $${region}).")
    String region;

    @Option(names = "--account-id", paramLabel = "ID",
            description = "Value of AWS::AccountId, and the account of Terraform DB instance ARNs (default: "
                    + "unresolved, shown as $${AWS::AccountId} and $${account}).")
    String accountId;

    @Option(names = "--var", paramLabel = "KEY=VALUE",
            description = "Terraform variable value, as 'terraform plan -var'; repeatable; wins over every file.")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--var-file", paramLabel = "FILE",
            description = "Terraform variable file, as 'terraform plan -var-file'; repeatable; read after "
                    + "terraform.tfvars and *.auto.tfvars.")
    List<Path> varFiles = new ArrayList<>();

    @Option(names = "--root", paramLabel = "DIR",
            description = "Nothing outside DIR is read: local Terraform modules and linked files must be inside it "
                    + "(default: the repository holding each PATH, i.e. the nearest directory with a .git entry, "
                    + "else PATH itself).")
    Path root;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<RuleDefinition> selected = rules.select(Catalog.load());
        if (!output.format.describesTemplates()) {
            throw new Vigil.UserException("--format asff describes findings in AWS accounts, and templates have none;"
                    + " use ocsf, sarif, json or html");
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {   // said once here, not by every source
                throw new Vigil.UserException("no such file or directory: " + path);
            }
        }
        if (root != null) {
            checkRoot();
        }
        TemplateSource.Loaded loaded = load(sources(), ShownPaths.shown(paths));
        if (loaded.templates().isEmpty() && loaded.inventory().faults().isEmpty()) {
            spec.commandLine().getErr().println("vigil: no CloudFormation templates found under "
                    + paths.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        return output.report(evaluate(loaded, accountId, selected), selected);
    }

    /** What every source finds under {@code paths}, together. */
    static TemplateSource.Loaded load(List<TemplateSource> sources, List<Path> paths) {
        Inventory inventory = new Inventory();
        List<String> templates = new ArrayList<>();
        Suppression suppression = Suppression.NONE;
        for (TemplateSource source : sources) {
            TemplateSource.Loaded loaded = source.load(paths);
            inventory.addAll(loaded.inventory());
            templates.addAll(loaded.templates());
            suppression = suppression.or(loaded.suppression());
        }
        return new TemplateSource.Loaded(inventory, templates, suppression);
    }

    /** Runs the rules over what was loaded and marks the checks the templates suppress. */
    static ScanResult evaluate(TemplateSource.Loaded loaded, String accountId, List<RuleDefinition> rules) {
        return loaded.suppression().applyTo(Engine.evaluate(accountId, rules, loaded.inventory()));
    }

    /** Every PATH must be inside --root, which must be a directory. */
    private void checkRoot() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new Vigil.UserException("--root " + root + " is not a directory");
        }
        Path top = root.toRealPath();
        for (Path path : paths) {
            if (!path.toRealPath().startsWith(top)) {
                throw new Vigil.UserException(path + " is not inside --root " + root);
            }
        }
    }

    private List<TemplateSource> sources() {
        return List.of(new CloudFormationSource(cloudFormationOptions(), root),
                new TerraformSource(terraformOptions(), region, accountId));
    }

    private TerraformOptions terraformOptions() {
        TerraformOptions options = TerraformOptions.defaults().withScanRoot(root);
        for (Path file : varFiles) {
            if (!Files.isRegularFile(file)) {
                throw new Vigil.UserException("cannot read --var-file " + file + ": no such file");
            }
            options = options.withVarFile(file.toAbsolutePath());
        }
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            options = options.withVariable(variable.getKey(), variable.getValue());
        }
        return options;
    }

    private CloudFormationOptions cloudFormationOptions() {
        CloudFormationOptions options = CloudFormationOptions.defaults().withParameters(parameters)
                .withRegion(region).withAccountId(accountId);
        if (parametersFile == null) {
            return options;
        }
        try {
            return options.withParametersFile(parametersFile);
        } catch (IOException e) {
            throw new Vigil.UserException("cannot read --params-file " + parametersFile + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
