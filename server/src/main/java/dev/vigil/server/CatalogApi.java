package dev.vigil.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.core.rule.Setting;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The rule catalog: {@code /v1/services} (each service with its rules, the rules included with their metadata, as
 * Conformity's {@code /services}), {@code /v1/rules} and {@code /v1/rules/{id}} with the rule's knowledge-base article.
 */
final class CatalogApi {

    private final Backend backend;

    CatalogApi(Backend backend) {
        this.backend = backend;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/services", this::services);
        routes.get("/v1/rules", this::rules);
        routes.get("/v1/rules/{id}", this::rule);
    }

    private void services(Context ctx) {
        ObjectNode document = JsonApi.document();
        ArrayNode data = document.putArray("data");
        ArrayNode included = document.putArray("included");
        for (String service : backend.catalog().services()) {
            ObjectNode resource = JsonApi.resource("services", service);
            JsonApi.attributes(resource).put("name", service);
            JsonApi.attributes(resource).put("provider", "aws");
            ArrayNode rules = resource.with("relationships").putObject("rules").putArray("data");
            for (String id : backend.catalog().rulesOfService(service)) {
                rules.addObject().put("type", "rules").put("id", id);
            }
            data.add(resource);
        }
        backend.catalog().all().forEach(r -> included.add(json(r, false)));
        JsonApi.send(ctx, document);
    }

    private void rules(Context ctx) {
        ObjectNode document = JsonApi.document();
        ArrayNode data = document.putArray("data");
        backend.catalog().all().forEach(r -> data.add(json(r, false)));
        JsonApi.send(ctx, document);
    }

    private void rule(Context ctx) {
        String id = ctx.pathParam("id");
        RuleDefinition rule = backend.catalog().find(id).orElseThrow(() -> ApiError.notFound("no rule " + id
                + " (GET /v1/rules lists them)"));
        ObjectNode document = JsonApi.document();
        document.set("data", json(rule, true));
        JsonApi.send(ctx, document);
    }

    /** A rule with Conformity's attribute names; {@code article} adds the knowledge-base article (Markdown). */
    static ObjectNode json(RuleDefinition rule, boolean article) {
        RuleMeta m = rule.meta();
        ObjectNode resource = JsonApi.resource("rules", m.id());
        ObjectNode a = JsonApi.attributes(resource);
        a.put("title", m.title());
        a.put("risk-level", m.risk().name());
        a.put("pretty-risk-level", CheckJson.pretty(m.risk()));
        JsonApi.strings(a, "categories", m.categories().stream().map(Category::slug).toList());
        JsonApi.strings(a, "compliances", m.compliances());
        JsonApi.strings(a, "controls", m.controls());
        a.put("provider", "aws");
        a.put("service", m.service());
        a.put("knowledge-base-html", m.id());
        a.put("not-scored", false);
        ArrayNode settings = a.putArray("settings");
        for (Setting s : m.settings()) {
            ObjectNode setting = settings.addObject();
            setting.put("type", s.type().conformityName());
            setting.put("name", s.name());
            setting.put("label", s.label());
            setting.set("value", JsonApi.JSON.valueToTree(s.defaultValue()));
        }
        if (article) {
            a.put("article", rule.article());
        }
        JsonApi.relate(resource, "service", "services", m.service());
        return resource;
    }
}
