package dev.vigil.core.engine;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Resource;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Note;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 *       fault in a scope where the rule produced no check, becomes an ERROR check for that scope;</li>
 *   <li>a rule that throws is an ERROR check for each scope it throws on, and the other scopes keep their
 *       checks.</li>
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
            List<Check> checks;
            try {
                checks = run(rule, inventory);
            } catch (RuntimeException e) {
                checks = isolate(rule, e);
            }
            checks.sort(ORDER);
            return checks;
        }

        /** The rule over {@code part}: its checks with faults folded in, and its notes kept. */
        private List<Check> run(RuleDefinition rule, Inventory part) {
            Findings findings = new Findings(rule);
            rule.rule().evaluate(part, findings);
            List<Check> checks = new ArrayList<>(foldFaults(rule.meta(), findings.checks(), part.faults()));
            notes.addAll(findings.notes());
            return checks;
        }

        /**
         * A rule threw (a defect, or data it did not expect): the scopes where it throws on its own are ERROR for
         * this rule, and it runs again over the other scopes together, so they keep their checks. When no scope
         * throws on its own, or the others still throw, every scope is ERROR: never a pass or a failure by guess.
         */
        private List<Check> isolate(RuleDefinition rule, RuntimeException first) {
            Map<String, RuntimeException> failing = new LinkedHashMap<>();
            for (String scope : inventory.scopes()) {
                try {
                    rule.rule().evaluate(inventory.within(Set.of(scope)), new Findings(rule));
                } catch (RuntimeException e) {
                    failing.put(scope, e);
                }
            }
            Set<String> healthy = new LinkedHashSet<>(inventory.scopes());
            healthy.removeAll(failing.keySet());
            List<Check> checks = new ArrayList<>();
            if (!failing.isEmpty() && !healthy.isEmpty()) {
                try {
                    checks.addAll(run(rule, inventory.within(healthy)));
                } catch (RuntimeException e) {
                    healthy.forEach(scope -> failing.put(scope, e));
                }
            } else {
                healthy.forEach(scope -> failing.put(scope, first));
            }
            List<Fault> faults = new ArrayList<>();
            failing.forEach((scope, e) -> faults.add(new Fault(originOf(scope), Set.of(rule.meta().resource()),
                    "vigil:evaluate", rule.meta().id() + " could not be evaluated here: internal error ("
                    + e.getClass().getSimpleName() + "); please report it at the Vigil issue tracker")));
            checks.addAll(foldFaults(rule.meta(), List.of(), faults));
            return checks;
        }

        private Origin originOf(String scope) {
            return inventory.within(Set.of(scope)).all(Resource.class).getFirst().origin();
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
