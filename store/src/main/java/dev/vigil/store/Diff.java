package dev.vigil.store;

import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Risk;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a run changed: the checks that started failing, those resolved (passing again, or their resource gone),
 * and how many still fail, per risk. Read from the history rows the run wrote and the counts of its commits.
 */
public record Diff(Run run, List<Item> newFailures, List<Item> resolved, Map<Risk, Integer> stillFailing) {

    public Diff {
        newFailures = List.copyOf(newFailures);
        resolved = List.copyOf(resolved);
        stillFailing = Map.copyOf(stillFailing);
    }

    /** Counts per risk, suppressed checks left out. */
    public static Map<Risk, Integer> byRisk(List<Item> items) {
        Map<Risk, Integer> counts = new EnumMap<>(Risk.class);
        items.stream().filter(i -> !i.suppressed()).forEach(i -> counts.merge(i.risk(), 1, Integer::sum));
        return counts;
    }

    /**
     * One changed check; {@code status} is its status after the run (SUCCESS or FAILURE), {@code gone} says a
     * resolved check's resource no longer exists.
     */
    public record Item(String checkId, String ruleId, Risk risk, String region, String resource, String resourceName,
                       String message, Status status, boolean gone, boolean suppressed) {
    }
}
