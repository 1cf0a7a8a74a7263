package dev.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.check.Status;
import dev.vigil.store.Checks;
import dev.vigil.store.StoredCheck;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;

/** {@code /v1/checks}: Conformity's check list with its filters, one check, and suppressing through PATCH. */
final class ChecksApi {

    private final Backend backend;

    ChecksApi(Backend backend) {
        this.backend = backend;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/checks", this::list);
        routes.get("/v1/checks/<id>", this::get);
        routes.patch("/v1/checks/<id>", this::patch);
    }

    private void list(Context ctx) {
        CheckFilters.Selection selection = CheckFilters.parse(ctx.queryParamMap(), backend.catalog(), Set.of());
        Checks.Page page = backend.store().checks().page(selection.query(), selection.offset(), selection.pageSize());
        ObjectNode document = JsonApi.document();
        ArrayNode data = document.putArray("data");
        Instant now = backend.now();
        String base = backend.baseUrl(ctx);
        page.checks().forEach(c -> data.add(CheckJson.of(c, backend.catalog().meta(c.ruleId()), base, now)));
        document.putObject("meta").put("total", page.total());
        JsonApi.send(ctx, document);
    }

    private void get(Context ctx) {
        StoredCheck check = find(ctx.pathParam("id"));
        send(ctx, check);
    }

    /**
     * {@code {"data": {"attributes": {"suppressed": true, "suppressed-until": EPOCH_MS | null}}, "meta": {"note": "…"}}}:
     * suppresses (only a failing check) or lifts a suppression, through the store's audited path.
     */
    private void patch(Context ctx) {
        Caller caller = Caller.of(ctx);
        caller.mayWrite("suppress or unsuppress checks");
        StoredCheck check = find(ctx.pathParam("id"));
        JsonNode body = JsonApi.body(ctx);
        JsonNode attributes = body.path("data").path("attributes");
        JsonNode suppressed = attributes.path("suppressed");
        if (!suppressed.isBoolean()) {
            throw ApiError.badRequest("data.attributes.suppressed: true to suppress the check, false to lift its suppression");
        }
        JsonNode note = body.path("meta").path("note");
        if (!note.isTextual() || note.asText().isBlank()) {
            throw ApiError.badRequest("meta.note: a suppression and its lifting need a note saying why");
        }
        StoredCheck changed = suppressed.asBoolean()
                ? Suppressions.suppress(backend, check, note.asText(), until(attributes.path("suppressed-until")), caller)
                : Suppressions.unsuppress(backend, check, note.asText(), caller);
        send(ctx, changed);
    }

    private static Instant until(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw ApiError.badRequest("data.attributes.suppressed-until: epoch milliseconds, or null for no end");
        }
        return Instant.ofEpochMilli(value.asLong());
    }

    private StoredCheck find(String id) {
        return backend.store().checks().get(id).orElseThrow(() -> ApiError.notFound("no check " + id));
    }

    private void send(Context ctx, StoredCheck check) {
        ObjectNode document = JsonApi.document();
        document.set("data", CheckJson.of(check, backend.catalog().meta(check.ruleId()), backend.baseUrl(ctx),
                backend.now()));
        JsonApi.send(ctx, document);
    }

    /** Whether a check can be suppressed now: it fails and its resource still exists. */
    static boolean suppressible(StoredCheck check) {
        return check.status() == Status.FAILURE && check.gone() == null;
    }
}
