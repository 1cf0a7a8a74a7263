package dev.vigil.report.compliance;

import dev.vigil.core.rule.Risk;
import java.time.Instant;
import java.util.List;

/**
 * How the checks of a store stand against one compliance standard: each control the standard's rules map to (a rule
 * that names no control of the standard stands under its own ID), each rule's passing, failing and suppressed checks,
 * and the failing resources. Suppressed checks are counted apart and never as failing or passing.
 *
 * @param generated when the store was read
 */
public record ComplianceReport(String standard, Instant generated, List<Control> controls, Counts totals) {

    public ComplianceReport {
        controls = List.copyOf(controls);
    }

    /**
     * Checks by outcome; {@code errors} could not be decided (ERROR or UNKNOWN).
     */
    public record Counts(long passing, long failing, long suppressed, long errors) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(passing + other.passing, failing + other.failing, suppressed + other.suppressed,
                    errors + other.errors);
        }

        /** Passing among passing and failing, in whole percent; null when there is neither. */
        public Integer percent() {
            long judged = passing + failing;
            return judged == 0 ? null : (int) Math.floor(100.0 * passing / judged);
        }
    }

    /**
     * @param control the control's ID in the standard (e.g. {@code CM-3}), or null for rules mapped to the standard
     *                without a control
     */
    public record Control(String control, List<RuleResult> rules, Counts counts) {

        public Control {
            rules = List.copyOf(rules);
        }
    }

    /**
     * @param failing the failing resources, at most as many as the report was asked to list
     * @param more    failing resources beyond those listed
     */
    public record RuleResult(String ruleId, String title, Risk risk, Counts counts, List<Failing> failing, long more) {

        public RuleResult {
            failing = List.copyOf(failing);
        }
    }

    /** A failing check: where, what, and since when. */
    public record Failing(String checkId, String accountId, String region, String resource, String resourceName,
                          String message, Instant since) {
    }
}
