package dev.vigil.report;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/** Counts by status, and failures by risk and by category (a failure counts once in each of its rule's categories). */
public record Summary(int total, Map<Status, Integer> byStatus, Map<Risk, Integer> failuresByRisk,
                      Map<Category, Integer> failuresByCategory, int suppressed) {

    public static Summary of(Iterable<Check> checks) {
        Tally tally = new Tally();
        checks.forEach(tally);
        return tally.summary();
    }

    public int count(Status status) {
        return byStatus.get(status);
    }

    /** Unsuppressed failures at or above a risk. */
    public int failuresAtLeast(Risk risk) {
        return failuresByRisk.entrySet().stream().filter(e -> e.getKey().atLeast(risk))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** Counts checks as they pass, so that a stream of checks is summarised without being kept. */
    public static final class Tally implements Consumer<Check> {

        private final Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        private final Map<Risk, Integer> failures = new EnumMap<>(Risk.class);
        private final Map<Category, Integer> failuresByCategory = new EnumMap<>(Category.class);
        private int total;
        private int suppressed;

        public Tally() {
            for (Status s : Status.values()) {
                byStatus.put(s, 0);
            }
        }

        @Override
        public void accept(Check c) {
            total++;
            if (c.suppression() != null) {
                suppressed++;
                return;
            }
            byStatus.merge(c.status(), 1, Integer::sum);
            if (c.status() == Status.FAILURE) {
                failures.merge(c.rule().risk(), 1, Integer::sum);
                c.rule().categories().forEach(category -> failuresByCategory.merge(category, 1, Integer::sum));
            }
        }

        /** The counts so far. */
        public Summary summary() {
            return new Summary(total, new EnumMap<>(byStatus), new EnumMap<>(failures),
                    new EnumMap<>(failuresByCategory), suppressed);
        }
    }
}
