package dev.vigil.server;

import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.report.compliance.ComplianceReport;
import dev.vigil.report.compliance.ComplianceReport.Counts;
import dev.vigil.store.CheckQuery;
import dev.vigil.store.Checks;
import dev.vigil.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the compliance report of a standard from the store: the standard's rules and controls come from the catalog
 * ({@code compliances} and {@code controls} of each rule), the counts from one grouped query, the failing resources
 * from the checks of those rules. Used by {@code vigil report --standard} and the dashboard.
 */
public final class ComplianceReports {

    private ComplianceReports() {
    }

    /**
     * @param standard   a standard the catalog's rules map to, in any case
     * @param maxFailing at most this many failing resources listed per rule (0: all)
     * @throws IllegalArgumentException no rule maps to the standard; the message lists those that exist
     */
    public static ComplianceReport build(Store store, Catalog catalog, String standard, int maxFailing) {
        CatalogIndex index = new CatalogIndex(catalog);
        String name = index.standard(standard).orElseThrow(() -> new IllegalArgumentException("no rule maps to the "
                + "compliance standard '" + standard + "'; the standards rules map to: "
                + String.join(", ", index.standards())));
        Set<String> ruleIds = index.rulesOfStandard(name);
        Map<String, Counts> counts = new HashMap<>();
        for (Checks.Count count : store.checks().counts()) {
            if (ruleIds.contains(count.ruleId())) {
                counts.merge(count.ruleId(), Tally.of(count), Counts::plus);
            }
        }
        Map<String, List<ComplianceReport.Failing>> failing = new HashMap<>();
        Map<String, Long> more = new HashMap<>();
        store.checks().each(CheckQuery.ALL.withRuleIds(ruleIds).withStatuses(Set.of(Status.FAILURE)).withSuppressed(false)
                .sortedBy(CheckQuery.Sort.ID, false), 0, 0, c -> {
                    List<ComplianceReport.Failing> listed = failing.computeIfAbsent(c.ruleId(), k -> new ArrayList<>());
                    if (maxFailing > 0 && listed.size() >= maxFailing) {
                        more.merge(c.ruleId(), 1L, Long::sum);
                    } else {
                        listed.add(new ComplianceReport.Failing(c.id(), c.accountId(), c.region(), c.resource(),
                                c.resourceName(), c.message(), c.failureDiscovered()));
                    }
                });
        Map<String, List<ComplianceReport.RuleResult>> byControl = new TreeMap<>();
        List<ComplianceReport.RuleResult> unmapped = new ArrayList<>();
        for (String id : ruleIds) {
            RuleMeta meta = index.meta(id).orElseThrow();
            ComplianceReport.RuleResult result = new ComplianceReport.RuleResult(id, meta.title(), meta.risk(),
                    counts.getOrDefault(id, Counts.NONE), failing.getOrDefault(id, List.of()), more.getOrDefault(id, 0L));
            List<String> controls = meta.controls(name);
            if (controls.isEmpty()) {
                unmapped.add(result);
            }
            controls.forEach(control -> byControl.computeIfAbsent(control, k -> new ArrayList<>()).add(result));
        }
        List<ComplianceReport.Control> controls = new ArrayList<>();
        byControl.forEach((control, rules) -> controls.add(control(control, rules)));
        if (!unmapped.isEmpty()) {
            controls.add(control(null, unmapped));
        }
        Counts totals = ruleIds.stream().map(id -> counts.getOrDefault(id, Counts.NONE)).reduce(Counts.NONE, Counts::plus);
        return new ComplianceReport(name, store.clock().instant(), controls, totals);
    }

    private static ComplianceReport.Control control(String control, List<ComplianceReport.RuleResult> rules) {
        return new ComplianceReport.Control(control, rules, rules.stream().map(ComplianceReport.RuleResult::counts)
                .reduce(Counts.NONE, Counts::plus));
    }
}
