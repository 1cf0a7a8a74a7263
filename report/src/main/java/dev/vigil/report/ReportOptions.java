package dev.vigil.report;

import dev.vigil.core.rule.RuleDefinition;
import java.util.List;

/**
 * @param color      ANSI colours (terminals only)
 * @param showPassed list passing checks one by one instead of counting them
 * @param rules      the rules that were run, for formats that describe every rule (SARIF, JUnit); when empty,
 *                   those formats describe the rules that appear in the checks, without their articles
 */
public record ReportOptions(boolean color, boolean showPassed, List<RuleDefinition> rules) {

    public ReportOptions {
        rules = List.copyOf(rules);
    }

    public ReportOptions(boolean color, boolean showPassed) {
        this(color, showPassed, List.of());
    }
}
