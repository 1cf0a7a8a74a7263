package dev.vigil.core.engine;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Note;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs rules over an inventory and folds collection faults into the checks, so that a gap in the data
 * is an ERROR and never a pass or a false failure:
 * <ul>
 *   <li>a FAILURE in a scope where something the rule reads is incomplete becomes ERROR;</li>
 *   <li>a fault in the rule's own resource kind (the list of resources is incomplete), or any relevant
 *       fault in a scope where the rule produced no check, becomes an ERROR check for that scope.</li>
 * </ul>
 */
public final class Engine {

    private Engine() {
    }

    public static ScanResult evaluate(String account, List<RuleDefinition> rules, Inventory inventory) {
        List<Check> checks = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        List<Fault> faults = inventory.faults();
        for (RuleDefinition rule : rules) {
            Findings findings = new Findings(rule.meta());
            rule.rule().evaluate(inventory, findings);
            checks.addAll(foldFaults(rule.meta(), findings.checks(), faults));
            notes.addAll(findings.notes());
        }
        checks.sort(ORDER);
        return new ScanResult(account, List.copyOf(checks), List.copyOf(notes), faults);
    }

    /** Highest risk first, then service, region and resource, so reports read top-down. */
    public static final Comparator<Check> ORDER = Comparator
            .comparing((Check c) -> c.rule().risk()).reversed()
            .thenComparing(c -> c.rule().id())
            .thenComparing(c -> String.valueOf(c.origin().region()))
            .thenComparing(Check::resource);

    private static List<Check> foldFaults(RuleMeta rule, List<Check> checks, List<Fault> faults) {
        List<Fault> relevant = faults.stream().filter(f -> f.kinds().stream().anyMatch(rule.reads()::contains))
                .toList();
        if (relevant.isEmpty()) {
            return checks;
        }
        Map<String, List<Fault>> byScope = relevant.stream()
                .collect(Collectors.groupingBy(f -> f.origin().scope()));
        Set<String> scopesWithChecks = checks.stream().map(c -> c.origin().scope()).collect(Collectors.toSet());
        List<Check> out = new ArrayList<>();
        for (Check check : checks) {
            List<Fault> scopeFaults = byScope.get(check.origin().scope());
            if (check.status() == Status.FAILURE && scopeFaults != null) {
                out.add(check.withStatus(Status.ERROR, "cannot be decided: " + describe(scopeFaults)));
            } else {
                out.add(check);
            }
        }
        for (Fault fault : relevant) {
            if (fault.kinds().contains(rule.resource()) || !scopesWithChecks.contains(fault.origin().scope())) {
                out.add(new Check(rule, Status.ERROR, fault.operation() + "@" + fault.origin().scope(),
                        fault.origin().scope(), fault.origin(), fault.message(), null, Map.of(), null));
            }
        }
        return out;
    }

    private static String describe(List<Fault> faults) {
        return faults.stream().map(f -> f.operation() + " failed: " + f.message()).collect(Collectors.joining("; "));
    }
}
