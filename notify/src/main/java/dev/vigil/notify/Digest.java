package dev.vigil.notify;

import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Risk;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one run changed, as channels render it: every new failure and every resolved check (channels show the
 * top ones and the counts), and how many checks still fail, per risk.
 *
 * @param outcome      the run's outcome: succeeded, partial, failed, abandoned
 * @param dashboardUrl where the run can be seen, or null when no dashboard is configured
 */
public record Digest(String runId, String accountId, String accountName, List<String> regions,
                     Instant started, Instant finished, String outcome,
                     List<Item> newFailures, List<Item> resolved, Map<Risk, Integer> stillFailingByRisk,
                     String dashboardUrl) {

    /** Highest risk first, then rule, region and resource. */
    public static final Comparator<Item> TOP_FIRST = Comparator.comparing(Item::risk).reversed()
            .thenComparing(Item::ruleId).thenComparing(i -> String.valueOf(i.region())).thenComparing(Item::resource);

    public Digest {
        regions = List.copyOf(regions);
        newFailures = newFailures.stream().sorted(TOP_FIRST).toList();
        resolved = resolved.stream().sorted(TOP_FIRST).toList();
        stillFailingByRisk = Map.copyOf(stillFailingByRisk);
    }

    public Map<Risk, Integer> newFailuresByRisk() {
        return byRisk(newFailures);
    }

    public Map<Risk, Integer> resolvedByRisk() {
        return byRisk(resolved);
    }

    /** Whether there is anything to tell. */
    public boolean isEmpty() {
        return newFailures.isEmpty() && resolved.isEmpty();
    }

    private static Map<Risk, Integer> byRisk(List<Item> items) {
        Map<Risk, Integer> counts = new EnumMap<>(Risk.class);
        items.forEach(i -> counts.merge(i.risk(), 1, Integer::sum));
        return counts;
    }

    /** One check a digest names; {@code status} is its status after the run (SUCCESS for a resolved check). */
    public record Item(String checkId, String ruleId, String ruleTitle, Risk risk, String region, String resource,
                       String resourceName, String message, List<String> categories, List<String> compliances,
                       Status status) {

        public Item {
            categories = List.copyOf(categories);
            compliances = List.copyOf(compliances);
        }
    }
}
