package dev.vigil.cli;

import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.core.rule.Setting;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules Vigil knows.")
final class RulesCommand implements Callable<Integer> {

    @Option(names = "--compliance", paramLabel = "STANDARD",
            description = "Only the rules that map to this compliance standard, e.g. NIST5.")
    String compliance;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<RuleDefinition> rules = Catalog.load().all().stream()
                .filter(r -> compliance == null || r.meta().compliances().stream().anyMatch(compliance::equalsIgnoreCase))
                .toList();
        if (rules.isEmpty()) {
            throw new Vigil.UserException("no rule maps to the compliance standard '" + compliance + "'; "
                    + "the standards rules map to: " + Catalog.load().all().stream()
                    .flatMap(r -> r.meta().compliances().stream()).distinct().sorted().collect(Collectors.joining(", ")));
        }
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of("ID", "RISK", "SERVICE", "TITLE", "CATEGORIES", "COMPLIANCES", "SETTINGS"));
        for (RuleDefinition rule : rules) {
            RuleMeta m = rule.meta();
            rows.add(List.of(m.id(), m.risk().name(), m.service(), m.title(),
                    m.categories().stream().map(Category::slug).collect(Collectors.joining(",")),
                    String.join(",", m.compliances()),
                    m.settings().stream().map(s -> s.name() + "=" + Setting.show(s.defaultValue()))
                            .collect(Collectors.joining(" "))));
        }
        // columns as wide as their widest cell, so that long compliance lists keep the table aligned
        int[] widths = new int[rows.getFirst().size()];
        rows.forEach(row -> java.util.stream.IntStream.range(0, row.size())
                .forEach(i -> widths[i] = Math.max(widths[i], row.get(i).length())));
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
        return Vigil.OK;
    }
}
