package dev.vigil.report;

import dev.vigil.core.rule.RuleDefinition;
import java.time.Instant;
import java.util.List;

/**
 * @param color      ANSI colours (terminals only)
 * @param showPassed list passing checks one by one instead of counting them
 * @param rules      the rules that were run, for formats that describe every rule (SARIF, JUnit, HTML) or quote
 *                   their articles (OCSF, ASFF); when empty, those formats describe the rules that appear in the
 *                   checks, without their articles
 * @param time       when the scan ran, for the formats that stamp findings (OCSF, ASFF, HTML)
 */
public record ReportOptions(boolean color, boolean showPassed, List<RuleDefinition> rules, Instant time) {

    public ReportOptions {
        rules = List.copyOf(rules);
    }

    public ReportOptions(boolean color, boolean showPassed, List<RuleDefinition> rules) {
        this(color, showPassed, rules, Instant.now());
    }

    public ReportOptions(boolean color, boolean showPassed) {
        this(color, showPassed, List.of());
    }
}
