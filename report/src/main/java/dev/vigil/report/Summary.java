package dev.vigil.report;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Risk;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts by status, and failures by risk. */
public record Summary(int total, Map<Status, Integer> byStatus, Map<Risk, Integer> failuresByRisk,
                      int suppressed) {

    public static Summary of(List<Check> checks) {
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        Map<Risk, Integer> failures = new EnumMap<>(Risk.class);
        for (Status s : Status.values()) {
            byStatus.put(s, 0);
        }
        int suppressed = 0;
        for (Check c : checks) {
            if (c.suppression() != null) {
                suppressed++;
                continue;
            }
            byStatus.merge(c.status(), 1, Integer::sum);
            if (c.status() == Status.FAILURE) {
                failures.merge(c.rule().risk(), 1, Integer::sum);
            }
        }
        return new Summary(checks.size(), byStatus, failures, suppressed);
    }

    public int count(Status status) {
        return byStatus.get(status);
    }

    /** Unsuppressed failures at or above a risk. */
    public int failuresAtLeast(Risk risk) {
        return failuresByRisk.entrySet().stream().filter(e -> e.getKey().atLeast(risk))
                .mapToInt(Map.Entry::getValue).sum();
    }
}
