package dev.vigil.cli;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.remedy.PropertyFix;
import dev.vigil.core.remedy.RemedyCodec;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.core.rule.Setting;
import dev.vigil.report.remedy.Emitter;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** The same code 'vigil fix --emit' writes, for an example resource, so article and tool never disagree. */
    private static void printGenerated(PrintWriter out, RuleMeta m) {
        Check example = new Check(m, Status.FAILURE, "EXAMPLE", "EXAMPLE", new Origin.Live("ACCOUNT_ID", "us-east-1"),
                "example failure", RemedyCodec.example(m.remedy()), Map.of(), null);
        out.printf("%n## What 'vigil fix' generates%n");
        PropertyFix fix = m.remedy().getAnnotation(PropertyFix.class);
        out.printf("For a failing resource in us-east-1 (placeholders in capitals); %s%n",
                fix == null || fix.planOnly().isEmpty()
                        ? "'vigil fix --apply' makes the same change through the AWS SDK."
                        : "'vigil fix --apply' does not make this change: " + fix.planOnly() + ".");
        for (Emitter emitter : Emitter.values()) {
            out.printf("%n### vigil fix --emit %s%n```%n%s```%n", emitter.name().toLowerCase(Locale.ROOT),
                    emitter.render(List.of(example), BackupPlanDefaults.PLAN_NAME));
        }
    }

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
        if (!m.settings().isEmpty()) {
            out.printf("Settings (change with --setting %s.NAME=VALUE):%n", m.id());
            for (Setting s : m.settings()) {
                out.printf("  %-28s %-40s default %s (%s)%n", s.name(), s.label(), Setting.show(s.defaultValue()),
                        s.describeType());
            }
        }
        out.println();
        out.print(article.substring(firstBreak).stripLeading());
        if (m.remedy() != null) {
            printGenerated(out, m);
        }
        out.flush();
        return Vigil.OK;
    }
}
