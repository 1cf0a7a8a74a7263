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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Print a rule's knowledge-base article: what it checks, why, how to audit and fix it.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "Rule ID, e.g. DynamoDB-003 (case-insensitive).")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RuleDefinition rule = Catalog.load().find(id);
        RuleMeta m = rule.meta();
        PrintWriter out = spec.commandLine().getOut();
        String article = rule.article();
        int firstBreak = article.indexOf('\n');
        out.println(article.substring(0, firstBreak));
        out.println();
        out.printf("Risk: %s   Service: %s   Resource: %s%n", m.risk(), m.service(), m.resource().getSimpleName());
        out.printf("Categories: %s%n", m.categories().stream().map(Category::slug).collect(Collectors.joining(", ")));
        out.printf("Compliances: %s%n", String.join(", ", m.compliances()));
        out.println();
        out.print(article.substring(firstBreak).stripLeading());
        out.flush();
        return Vigil.OK;
    }
}
