package dev.vigil.report;

/**
 * @param color      ANSI colours (terminals only)
 * @param showPassed list passing checks one by one instead of counting them
 */
public record ReportOptions(boolean color, boolean showPassed) {
}
