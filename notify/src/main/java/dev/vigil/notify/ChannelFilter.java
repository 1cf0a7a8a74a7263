package dev.vigil.notify;

import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Risk;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Conformity's channel filters: an item passes when every non-empty set contains its value (categories and
 * compliances: any of its values). An empty filter passes everything.
 */
public record ChannelFilter(Set<String> accounts, Set<Risk> riskLevels, Set<String> ruleIds, Set<String> regions,
                            Set<String> categories, Set<String> compliances, Set<Status> statuses) {

    public static final ChannelFilter ALL = new ChannelFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of(), Set.of());

    public ChannelFilter {
        accounts = Set.copyOf(accounts);
        riskLevels = Set.copyOf(riskLevels);
        ruleIds = Set.copyOf(ruleIds);
        regions = Set.copyOf(regions);
        categories = Set.copyOf(categories);
        compliances = Set.copyOf(compliances);
        statuses = Set.copyOf(statuses);
    }

    public boolean test(String accountId, Digest.Item item) {
        return allows(accounts, accountId) && allows(riskLevels, item.risk()) && allows(ruleIds, item.ruleId())
                && allows(regions, item.region()) && allowsAny(categories, item.categories())
                && allowsAny(compliances, item.compliances()) && allows(statuses, item.status());
    }

    /** The digest with only the items this filter keeps, or empty when nothing is left to tell. */
    public Optional<Digest> narrow(Digest digest) {
        Predicate<Digest.Item> keep = i -> test(digest.accountId(), i);
        Digest narrowed = new Digest(digest.runId(), digest.accountId(), digest.accountName(), digest.regions(),
                digest.started(), digest.finished(), digest.outcome(),
                digest.newFailures().stream().filter(keep).toList(), digest.resolved().stream().filter(keep).toList(),
                digest.stillFailingByRisk(), digest.dashboardUrl());
        return narrowed.isEmpty() ? Optional.empty() : Optional.of(narrowed);
    }

    private static <T> boolean allows(Set<T> allowed, T value) {
        return allowed.isEmpty() || allowed.contains(value);
    }

    private static boolean allowsAny(Set<String> allowed, Collection<String> values) {
        return allowed.isEmpty() || values.stream().anyMatch(allowed::contains);
    }
}
