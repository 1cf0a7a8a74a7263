package dev.vigil.server;

import dev.vigil.store.StoredCheck;
import java.time.Instant;

/** Suppressing from the API and the dashboard alike: the same rules, then the store's audited path. */
final class Suppressions {

    private Suppressions() {
    }

    static StoredCheck suppress(Backend backend, StoredCheck check, String note, Instant until, Caller caller) {
        caller.mayWrite("suppress checks");
        if (!ChecksApi.suppressible(check)) {
            throw new ApiError(409, "only a failing check can be suppressed; " + check.id() + " is "
                    + (check.gone() != null ? "resolved (its resource is gone)" : check.status().name()));
        }
        if (until != null && !until.isAfter(backend.now())) {
            throw ApiError.badRequest("suppressed-until " + until + " is already past");
        }
        return backend.store().checks().suppress(check.id(), note.strip(), until, caller.actor());
    }

    static StoredCheck unsuppress(Backend backend, StoredCheck check, String note, Caller caller) {
        caller.mayWrite("lift suppressions");
        if (check.suppression() == null) {
            throw new ApiError(409, check.id() + " is not suppressed");
        }
        return backend.store().checks().unsuppress(check.id(), note.strip(), caller.actor());
    }
}
