package dev.vigil.store;

import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Risk;

/**
 * Which checks to list; a null field does not filter. Checks whose resource is gone are left out unless asked for.
 *
 * @param limit at most this many, or 0 for all
 */
public record CheckFilter(String account, String ruleId, Status status, Risk risk, String region,
                          boolean includeGone, int limit) {

    public static final CheckFilter ALL = new CheckFilter(null, null, null, null, null, false, 0);

    public CheckFilter withAccount(String newAccount) {
        return new CheckFilter(newAccount, ruleId, status, risk, region, includeGone, limit);
    }

    /** The same selection as a query, in ID order (account, rule, service, region, resource). */
    CheckQuery query() {
        return new CheckQuery(set(account), set(ruleId), set(region), set(status), set(risk), null, includeGone,
                CheckQuery.Sort.ID, false);
    }

    private static <T> java.util.Set<T> set(T value) {
        return value == null ? null : java.util.Set.of(value);
    }

    public CheckFilter withStatus(Status newStatus) {
        return new CheckFilter(account, ruleId, newStatus, risk, region, includeGone, limit);
    }
}
