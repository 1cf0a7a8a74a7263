package dev.vigil.store;

import dev.vigil.core.check.Status;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.rule.Risk;
import java.time.Instant;

/**
 * A check as the store keeps it, with Conformity's lifecycle dates.
 *
 * @param failureDiscovered when it started failing; kept while it keeps failing, null when it passes
 * @param gone              when its resource was found to no longer exist (resolved as gone), or null
 * @param lastError         the last fault that kept a run from deciding it (its status stayed), or null
 * @param suppression       the suppression on it, or null
 * @param remedy            the typed fix of a failing check, or null
 */
public record StoredCheck(String id, String accountId, String region, String ruleId, String service,
                          String resource, String resourceName, Status status, Risk risk, String message,
                          Instant created, Instant lastModified, Instant failureDiscovered, Instant gone,
                          String lastError, Instant lastErrorAt, Suppression suppression, Remedy remedy) {

    /** A suppression: why, until when (null: no end), by whom and when. */
    public record Suppression(String note, Instant until, String by, Instant at) {

        /** Lapsed once its end has passed; computed when read, no job needed. */
        public boolean activeAt(Instant now) {
            return until == null || until.isAfter(now);
        }
    }

    /** Whether a suppression is in force at {@code now}. */
    public boolean suppressedAt(Instant now) {
        return suppression != null && suppression.activeAt(now);
    }

    /** Failing now: a FAILURE whose resource still exists. */
    public boolean failing() {
        return status == Status.FAILURE && gone == null;
    }
}
