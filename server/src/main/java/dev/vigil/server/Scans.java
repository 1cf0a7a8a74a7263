package dev.vigil.server;

import dev.vigil.store.Runs;

/** Starting a scan from the API and the dashboard alike: through the service's on-demand path. */
final class Scans {

    private Scans() {
    }

    static Runs.Created start(Backend backend, String accountId) {
        try {
            return backend.service().scanNow(accountId);
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, e.getMessage());
        }
    }
}
