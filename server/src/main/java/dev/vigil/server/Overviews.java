package dev.vigil.server;

import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.report.compliance.ComplianceReport.Counts;
import dev.vigil.server.view.Frame;
import dev.vigil.server.view.Overview;
import dev.vigil.store.Checks;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The overview's figures from two reads of the store: the current checks counted by account, rule, status, risk and
 * suppression (one grouped query), and the daily failure trend. Categories and standards come from the catalog.
 */
final class Overviews {

    private Overviews() {
    }

    static Overview build(Backend backend, Frame frame, int days) {
        List<Checks.Count> counts = backend.store().checks().counts();
        Map<Risk, Long> byRisk = new EnumMap<>(Risk.class);
        for (Risk risk : Risk.values()) {
            byRisk.put(risk, 0L);
        }
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            byCategory.put(category.slug(), 0L);
        }
        Map<String, Counts> accounts = new TreeMap<>();
        Map<String, Counts> rules = new TreeMap<>();
        Map<String, Counts> standards = new TreeMap<>();
        backend.catalog().standards().forEach(s -> standards.put(s, Counts.NONE));
        Counts totals = Counts.NONE;
        for (Checks.Count count : counts) {
            Counts tally = Tally.of(count);
            Optional<RuleMeta> rule = backend.catalog().meta(count.ruleId());
            totals = totals.plus(tally);
            accounts.merge(count.accountId(), tally, Counts::plus);
            rules.merge(count.ruleId(), tally, Counts::plus);
            rule.ifPresent(m -> m.compliances().forEach(s -> standards.merge(s, tally, Counts::plus)));
            if (count.status() == Status.FAILURE && !count.suppressed()) {
                byRisk.merge(count.risk(), count.checks(), Long::sum);
                rule.ifPresent(m -> m.categories().forEach(c -> byCategory.merge(c.slug(), count.checks(), Long::sum)));
            }
        }
        List<Overview.Row> accountRows = new ArrayList<>();
        accounts.forEach((id, c) -> accountRows.add(new Overview.Row(id, id, null, totals(c))));
        List<Overview.Row> ruleRows = new ArrayList<>();
        rules.forEach((id, c) -> {
            Optional<RuleMeta> rule = backend.catalog().meta(id);
            ruleRows.add(new Overview.Row(id, rule.map(RuleMeta::title).orElse(id), rule.map(RuleMeta::risk).orElse(null),
                    totals(c)));
        });
        ruleRows.sort((a, b) -> Long.compare(b.totals().failing(), a.totals().failing()));
        List<Overview.Score> scores = new ArrayList<>();
        standards.forEach((s, c) -> scores.add(new Overview.Score(s, c.passing(), c.failing(), c.percent())));
        List<Overview.Day> trend = backend.store().checks().failingTrend(days).stream()
                .map(d -> new Overview.Day(d.day(), d.failing())).toList();
        return new Overview(frame, totals(totals), byRisk, byCategory, accountRows, ruleRows, scores, trend, days);
    }

    private static Overview.Totals totals(Counts c) {
        return new Overview.Totals(c.failing(), c.passing(), c.suppressed(), c.errors());
    }
}
