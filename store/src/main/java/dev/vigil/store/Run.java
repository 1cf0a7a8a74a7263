package dev.vigil.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One run: an account, its regions and the rules, with its jobs (one per region).
 *
 * @param finished null while it runs
 * @param error    why it failed, or null
 */
public record Run(String id, String accountId, String accountName, Trigger trigger, List<String> regions,
                  List<String> rules, Instant started, Instant finished, Outcome outcome, long apiCalls, String error,
                  List<RunRegion> jobs) {

    public Run {
        regions = List.copyOf(regions);
        rules = List.copyOf(rules);
        jobs = List.copyOf(jobs);
    }

    /** What started a run. */
    public enum Trigger {
        SCHEDULE, ON_DEMAND, CLI, EVENT;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How a run ended; RUNNING until its last region is committed or it fails. */
    public enum Outcome {
        RUNNING, SUCCEEDED, PARTIAL, FAILED, ABANDONED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
