package dev.vigil.cli;

import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules Vigil knows.")
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-14s %-9s %-10s %-40s %-14s %s%n", "ID", "RISK", "SERVICE", "TITLE", "CATEGORIES", "COMPLIANCES");
        for (RuleDefinition rule : Catalog.load().all()) {
            RuleMeta m = rule.meta();
            out.printf("%-14s %-9s %-10s %-40s %-14s %s%n", m.id(), m.risk(), m.service(), m.title(),
                    m.categories().stream().map(Category::slug).collect(Collectors.joining(",")),
                    String.join(",", m.compliances()));
        }
        out.flush();
        return Vigil.OK;
    }
}
