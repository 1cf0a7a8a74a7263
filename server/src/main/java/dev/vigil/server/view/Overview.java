package dev.vigil.server.view;

import dev.vigil.core.rule.Risk;
import dev.vigil.report.html.Charts;
import dev.vigil.report.html.Css;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The overview: failing checks by risk and by category, the trend, per-account and per-rule tables, and the
 * compliance score of each standard. Suppressed checks are counted apart, never as failing.
 *
 * @param days the trend's span (30 or 90)
 */
public record Overview(Frame frame, Totals totals, Map<Risk, Long> failingByRisk, Map<String, Long> failingByCategory,
                       List<Row> accounts, List<Row> rules, List<Score> standards, List<Day> trend, int days) {

    /** Failing checks by risk, highest first, drawn by the HTML report's charts (SVG with every label as text). */
    public String riskChart() {
        return Charts.bars("Failing checks by risk", failingByRisk.entrySet().stream()
                .sorted(Map.Entry.<Risk, Long>comparingByKey().reversed())
                .map(e -> new Charts.Bar(e.getKey().name(), Math.toIntExact(e.getValue()), Css.risk(e.getKey())))
                .toList()).html();
    }

    public String categoryChart() {
        return Charts.bars("Failing checks by category", failingByCategory.entrySet().stream()
                .map(e -> new Charts.Bar(e.getKey(), Math.toIntExact(e.getValue()), "category")).toList()).html();
    }

    /** The largest daily count of the trend, at least 1 (the chart's scale). */
    public long trendMax() {
        return Math.max(1, trend.stream().mapToLong(Day::failing).max().orElse(0));
    }

    /** The trend as SVG polyline points in a 600 × 160 box, oldest on the left. */
    public String trendPoints() {
        StringBuilder points = new StringBuilder();
        long max = trendMax();
        for (int i = 0; i < trend.size(); i++) {
            long x = trend.size() == 1 ? 0 : Math.round(600.0 * i / (trend.size() - 1));
            long y = 160 - Math.round(150.0 * trend.get(i).failing() / max);
            points.append(i == 0 ? "" : " ").append(x).append(',').append(y);
        }
        return points.toString();
    }

    /** Current checks (resources not gone) by outcome. */
    public record Totals(long failing, long passing, long suppressed, long errors) {

        public long all() {
            return failing + passing + suppressed + errors;
        }
    }

    /** One account or rule: {@code key} is its ID, {@code label} what to show. */
    public record Row(String key, String label, Risk risk, Totals totals) {
    }

    /** A standard's score: passing among the passing and failing checks of the rules that map to it. */
    public record Score(String standard, long passing, long failing, Integer percent) {
    }

    public record Day(LocalDate day, long failing) {
    }
}
