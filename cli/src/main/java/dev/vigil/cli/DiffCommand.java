package dev.vigil.cli;

import dev.vigil.core.rule.Risk;
import dev.vigil.store.Diff;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "What a run changed: new failures, resolved checks and checks still failing, per risk.")
final class DiffCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN-ID", description = "A run ID from 'vigil runs'.")
    String runId;

    @Mixin
    StoreOptions storeOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Diff diff;
        try (Store store = storeOptions.open()) {
            diff = store.runs().diff(runId).orElseThrow(() -> new Vigil.UserException("no run " + runId
                    + " in the store at " + store.location() + " (see 'vigil runs')"));
        }
        out.printf("run %s of %s (%s), %s: %s%n", diff.run().id(), diff.run().accountId(), diff.run().accountName(),
                String.join(", ", diff.run().regions()), diff.run().outcome().label());
        out.printf("%-16s %10s %10s %14s%n", "RISK", "NEW", "RESOLVED", "STILL FAILING");
        Map<Risk, Integer> added = Diff.byRisk(diff.newFailures());
        Map<Risk, Integer> resolved = Diff.byRisk(diff.resolved());
        for (Risk risk : List.of(Risk.EXTREME, Risk.VERY_HIGH, Risk.HIGH, Risk.MEDIUM, Risk.LOW)) {
            out.printf("%-16s %10d %10d %14d%n", risk, added.getOrDefault(risk, 0), resolved.getOrDefault(risk, 0),
                    diff.stillFailing().getOrDefault(risk, 0));
        }
        section(out, "New failures", diff.newFailures());
        section(out, "Resolved", diff.resolved());
        out.flush();
        return Vigil.OK;
    }

    private static void section(PrintWriter out, String title, List<Diff.Item> items) {
        if (items.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + ":");
        for (Diff.Item i : items) {
            out.printf("  %-10s " + Text.RULE_COLUMN + " %-14s %s%s%s%n", i.risk(), i.ruleId(), i.region(),
                    i.resourceName(), i.gone() ? " (gone)" : "", i.suppressed() ? " (suppressed)" : "");
        }
    }
}
