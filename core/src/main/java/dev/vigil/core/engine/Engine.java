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
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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

    /**
     * The checks are produced as they are read, one rule at a time (rules in report order, each rule's checks
     * sorted), so only one rule's checks are in memory at once; the inventory stays whole, as rules join across it.
     */
    public static ScanResult evaluate(String account, List<RuleDefinition> rules, Inventory inventory) {
        RuleByRule checks = new RuleByRule(rules.stream().sorted(RULE_ORDER).toList(), inventory);
        return new ScanResult(account, checks, checks::notes, inventory.faults());
    }

    private static final Comparator<RuleDefinition> RULE_ORDER = Comparator
            .comparing((RuleDefinition r) -> r.meta().risk()).reversed()
            .thenComparing(r -> r.meta().id());

    /** Highest risk first, then rule, region and resource, so reports read top-down. */
    public static final Comparator<Check> ORDER = Comparator
            .comparing((Check c) -> c.rule().risk()).reversed()
            .thenComparing(c -> c.rule().id())
            .thenComparing(c -> String.valueOf(c.origin().region()))
            .thenComparing(Check::resource);

    /** Evaluates the next rule when the previous rule's checks have been read. */
    private static final class RuleByRule implements Iterator<Check> {

        private final Iterator<RuleDefinition> rules;
        private final Inventory inventory;
        private final List<Note> notes = new ArrayList<>();
        private Iterator<Check> current = Collections.emptyIterator();

        RuleByRule(List<RuleDefinition> rules, Inventory inventory) {
            this.rules = rules.iterator();
            this.inventory = inventory;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && rules.hasNext()) {
                current = Collections.emptyIterator();   // let the read rule's checks go before the next is evaluated
                current = evaluate(rules.next()).iterator();
            }
            return current.hasNext();
        }

        @Override
        public Check next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        private List<Check> evaluate(RuleDefinition rule) {
            Findings findings = new Findings(rule);
            rule.rule().evaluate(inventory, findings);
            notes.addAll(findings.notes());
            List<Check> checks = new ArrayList<>(foldFaults(rule.meta(), findings.checks(), inventory.faults()));
            checks.sort(ORDER);
            return checks;
        }

        List<Note> notes() {
            if (rules.hasNext()) {
                throw new IllegalStateException("the notes are complete only once the checks have been read");
            }
            return List.copyOf(notes);
        }
    }

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
