package dev.vigil.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.store.Runs;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /v1/accounts}: the accounts, one account, and an on-demand scan that joins the run already going. */
final class AccountsApi {

    private final Backend backend;

    AccountsApi(Backend backend) {
        this.backend = backend;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/accounts", this::list);
        routes.get("/v1/accounts/{id}", this::get);
        routes.post("/v1/accounts/{id}/scan", this::scan);
    }

    private void list(Context ctx) {
        ObjectNode document = JsonApi.document();
        ArrayNode data = document.putArray("data");
        Accounts.all(backend).forEach(a -> data.add(json(a)));
        JsonApi.send(ctx, document);
    }

    private void get(Context ctx) {
        ObjectNode document = JsonApi.document();
        document.set("data", json(find(ctx.pathParam("id"))));
        JsonApi.send(ctx, document);
    }

    /** {@code {"status": "STARTED"}} for a new run, {@code "RUNNING"} when it joined the account's open run. */
    private void scan(Context ctx) {
        Caller.of(ctx).mayWrite("start scans");
        Accounts account = find(ctx.pathParam("id"));
        if (!account.configured()) {
            throw new ApiError(409, "account " + account.id() + " is not in vigil serve's config, so the service "
                    + "cannot reach it; add it to the config to scan it");
        }
        Runs.Created run = Scans.start(backend, account.id());
        ObjectNode document = JsonApi.document();
        document.put("status", run.created() ? "STARTED" : "RUNNING");
        document.set("data", RunsApi.json(run.run(), false));
        JsonApi.send(ctx, document);
    }

    private Accounts find(String id) {
        return Accounts.one(backend, id).orElseThrow(() -> ApiError.notFound("no account " + id
                + " (neither in the config nor in the store)"));
    }

    static ObjectNode json(Accounts account) {
        ObjectNode resource = JsonApi.resource("accounts", account.id());
        ObjectNode a = JsonApi.attributes(resource);
        a.put("name", account.name());
        a.put("configured", account.configured());
        JsonApi.strings(a, "regions", account.regions());
        if (account.schedule() == null) {
            a.putNull("schedule-seconds");
        } else {
            a.put("schedule-seconds", account.schedule().toSeconds());
        }
        JsonApi.date(a, "next-run-date", account.nextRun());
        if (account.lastRun() != null) {
            JsonApi.relate(resource, "last-run", "runs", account.lastRun().id());
            a.put("last-run-outcome", account.lastRun().outcome().label());
            JsonApi.date(a, "last-run-date", account.lastRun().started());
        }
        return resource;
    }
}
