package dev.vigil.store;

import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Risk;
import java.util.Set;

/**
 * Which checks to read and in what order, as the API and the dashboard filter them. A null set does not filter;
 * an empty set selects nothing (a category no rule has). Checks whose resource is gone are left out unless asked for.
 *
 * @param suppressed only checks whose suppression is in force now (true), only the others (false), or both (null)
 */
public record CheckQuery(Set<String> accounts, Set<String> ruleIds, Set<String> regions, Set<Status> statuses,
                         Set<Risk> risks, Boolean suppressed, boolean includeGone, Sort sort, boolean descending) {

    public static final CheckQuery ALL = new CheckQuery(null, null, null, null, null, null, false, Sort.ID, false);

    public CheckQuery {
        accounts = copy(accounts);
        ruleIds = copy(ruleIds);
        regions = copy(regions);
        statuses = copy(statuses);
        risks = copy(risks);
        sort = sort == null ? Sort.ID : sort;
    }

    /** The orders a list can have; every one ends with the check ID, so pages never overlap. */
    public enum Sort {
        ID("id"), ACCOUNT("account_id"), RULE("rule_id"), REGION("region"), RESOURCE("resource_name"), STATUS("status"),
        RISK("CASE risk WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'HIGH' THEN 3 WHEN 'VERY_HIGH' THEN 4 ELSE 5 END"),
        DISCOVERED("failure_discovered"), MODIFIED("last_modified");

        final String expression;

        Sort(String expression) {
            this.expression = expression;
        }
    }

    public CheckQuery withAccounts(Set<String> values) {
        return new CheckQuery(values, ruleIds, regions, statuses, risks, suppressed, includeGone, sort, descending);
    }

    public CheckQuery withRuleIds(Set<String> values) {
        return new CheckQuery(accounts, values, regions, statuses, risks, suppressed, includeGone, sort, descending);
    }

    public CheckQuery withRegions(Set<String> values) {
        return new CheckQuery(accounts, ruleIds, values, statuses, risks, suppressed, includeGone, sort, descending);
    }

    public CheckQuery withStatuses(Set<Status> values) {
        return new CheckQuery(accounts, ruleIds, regions, values, risks, suppressed, includeGone, sort, descending);
    }

    public CheckQuery withRisks(Set<Risk> values) {
        return new CheckQuery(accounts, ruleIds, regions, statuses, values, suppressed, includeGone, sort, descending);
    }

    public CheckQuery withSuppressed(Boolean value) {
        return new CheckQuery(accounts, ruleIds, regions, statuses, risks, value, includeGone, sort, descending);
    }

    public CheckQuery withGone(boolean value) {
        return new CheckQuery(accounts, ruleIds, regions, statuses, risks, suppressed, value, sort, descending);
    }

    public CheckQuery sortedBy(Sort by, boolean reversed) {
        return new CheckQuery(accounts, ruleIds, regions, statuses, risks, suppressed, includeGone, by, reversed);
    }

    private static <T> Set<T> copy(Set<T> values) {
        return values == null ? null : Set.copyOf(values);
    }
}
