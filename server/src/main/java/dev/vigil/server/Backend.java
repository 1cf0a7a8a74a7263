package dev.vigil.server;

import dev.vigil.service.Service;
import dev.vigil.store.Store;
import io.javalin.http.Context;
import java.time.Instant;

/** What every handler reads: the running service, its store, and the catalog. */
record Backend(Service service, Store store, CatalogIndex catalog) {

    Instant now() {
        return store.clock().instant();
    }

    /** The dashboard's base URL for links: the configured {@code dashboardUrl}, else where this request came in. */
    String baseUrl(Context ctx) {
        String configured = service.config().dashboardUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return ctx.scheme() + "://" + ctx.host();
    }
}
