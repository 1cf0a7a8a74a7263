package dev.vigil.cli;

import dev.vigil.aws.collect.CollectorCatalog;
import dev.vigil.aws.collect.Reads;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "permissions", mixinStandardHelpOptions = true,
        description = "Print the read-only IAM policy a scan needs, from what the collectors declare.")
final class PermissionsCommand implements Callable<Integer> {

    @Mixin
    RuleSelection rules;

    @Option(names = "--org", description = "Add what --org and --account need in the calling account.")
    boolean organization;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(policy(rules.select(Catalog.load()), organization));
        spec.commandLine().getOut().flush();
        return Vigil.OK;
    }

    static String policy(List<RuleDefinition> rules, boolean organization) {
        List<String> actions = new ArrayList<>(CollectorCatalog.iamActions(Reads.of(rules)));
        if (organization) {
            actions.addAll(List.of("organizations:ListAccounts", "sts:AssumeRole"));
            actions.sort(null);
        }
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n")
                .append("      \"Sid\": \"VigilReadOnlyScan\",\n      \"Effect\": \"Allow\",\n")
                .append("      \"Action\": [\n");
        for (int i = 0; i < actions.size(); i++) {
            json.append("        \"").append(actions.get(i)).append('"').append(i + 1 < actions.size() ? ",\n" : "\n");
        }
        json.append("      ],\n      \"Resource\": \"*\"\n    }\n  ]\n}\n");
        return json.toString();
    }
}
