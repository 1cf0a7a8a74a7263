package dev.vigil.service;

import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.notify.Digest;
import dev.vigil.store.Diff;
import dev.vigil.store.Run;
import java.util.List;

/** A run's diff as the digest channels send: rule titles, categories and compliances from the catalog. */
final class Digests {

    private Digests() {
    }

    /** Suppressed checks are left out: they are out of counts, and no one should be told about them again. */
    static Digest of(Diff diff, Catalog catalog, String dashboardUrl) {
        Run run = diff.run();
        return new Digest(run.id(), run.accountId(), run.accountName(), run.regions(), run.started(), run.finished(),
                run.outcome().label(), items(diff.newFailures(), catalog), items(diff.resolved(), catalog),
                diff.stillFailing(), dashboardUrl == null ? null : dashboardUrl.replaceAll("/+$", "") + "/runs/" + run.id());
    }

    private static List<Digest.Item> items(List<Diff.Item> items, Catalog catalog) {
        return items.stream().filter(i -> !i.suppressed()).map(i -> {
            RuleMeta meta = meta(catalog, i.ruleId());
            return new Digest.Item(i.checkId(), i.ruleId(), meta == null ? i.ruleId() : meta.title(), i.risk(),
                    i.region(), i.resource(), i.resourceName(), i.message(),
                    meta == null ? List.of() : meta.categories().stream().map(Category::slug).toList(),
                    meta == null ? List.of() : meta.compliances(), i.status());
        }).toList();
    }

    private static RuleMeta meta(Catalog catalog, String ruleId) {
        return catalog.all().stream().map(r -> r.meta()).filter(m -> m.id().equals(ruleId)).findFirst().orElse(null);
    }
}
