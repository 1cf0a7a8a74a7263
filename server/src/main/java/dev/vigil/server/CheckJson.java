package dev.vigil.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.CheckId;
import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.store.StoredCheck;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks as Conformity's API writes them: {@code type "checks"}, its {@code ccc:} ID, the attribute names of its
 * check object ({@code risk-level}, {@code failure-discovery-date} in epoch ms, {@code suppressed-until}, …) and
 * relationships to the rule and the account. Attributes Vigil has no value for (tags, extradata, descriptorType,
 * link) are left out rather than made up.
 */
final class CheckJson {

    private CheckJson() {
    }

    /** A stored check; {@code baseUrl} makes {@code resolutionPageUrl} (the rule's page of the dashboard). */
    static ObjectNode of(StoredCheck check, Optional<RuleMeta> rule, String baseUrl, Instant now) {
        ObjectNode resource = JsonApi.resource("checks", check.id());
        ObjectNode a = JsonApi.attributes(resource);
        a.put("region", check.region());
        a.put("status", check.status().name());
        risk(a, check.risk());
        a.put("message", check.message());
        boolean arn = check.resource().startsWith("arn:");
        String resourceId = arn ? check.resourceName() : check.resource();
        a.put("resource", resourceId);
        a.put("resourceName", check.resourceName());
        if (arn) {
            a.put("providerResourceId", check.resource());
        }
        a.put("ccrn", String.join(":", "ccrn", "aws", check.accountId(), check.service(), check.region(), resourceId));
        JsonApi.date(a, "created-date", check.created());
        JsonApi.date(a, "last-modified-date", check.lastModified());
        JsonApi.date(a, "failure-discovery-date", check.failureDiscovered());
        rule(a, rule, check.ruleId());
        a.put("suppressed", check.suppressedAt(now));
        JsonApi.date(a, "suppressed-until", check.suppression() == null ? null : check.suppression().until());
        if (check.suppression() != null) {
            a.put("suppression-note", check.suppression().note());
            a.put("suppressed-by", check.suppression().by());
        }
        a.put("not-scored", false);
        a.put("excluded", false);
        a.put("provider", "aws");
        a.put("service", check.service());
        a.put("resolutionPageUrl", baseUrl + "/rules/" + check.ruleId());
        // Vigil's lifecycle beyond Conformity's names
        JsonApi.date(a, "gone-date", check.gone());
        a.put("last-error", check.lastError());
        JsonApi.date(a, "last-error-date", check.lastErrorAt());
        JsonApi.relate(resource, "rule", "rules", check.ruleId());
        JsonApi.relate(resource, "account", "accounts", check.accountId());
        return resource;
    }

    /** A check the Template Scanner produced: resource = logical ID or address, with the line it is declared at. */
    static ObjectNode of(Check check, String baseUrl) {
        ObjectNode resource = JsonApi.resource("checks", CheckId.of(check));
        ObjectNode a = JsonApi.attributes(resource);
        a.put("status", check.status().name());
        risk(a, check.rule().risk());
        a.put("message", check.message());
        a.put("resource", check.resource());
        a.put("resourceName", check.resourceName());
        if (check.origin() instanceof Origin.Template template) {
            a.put("line", template.line());
        }
        rule(a, Optional.of(check.rule()), check.rule().id());
        a.put("suppressed", check.suppression() != null);
        if (check.suppression() != null) {
            a.put("suppression-note", check.suppression());
        }
        a.put("not-scored", false);
        a.put("excluded", false);
        a.put("provider", "aws");
        a.put("service", check.rule().service());
        a.put("resolutionPageUrl", baseUrl + "/rules/" + check.rule().id());
        JsonApi.relate(resource, "rule", "rules", check.rule().id());
        return resource;
    }

    /** {@code LOW} → {@code Low}, {@code VERY_HIGH} → {@code Very High}. */
    static String pretty(Risk risk) {
        String words = risk.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        StringBuilder out = new StringBuilder();
        for (String word : words.split(" ")) {
            out.append(out.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    private static void risk(ObjectNode a, Risk risk) {
        a.put("risk-level", risk.name());
        a.put("pretty-risk-level", pretty(risk));
    }

    private static void rule(ObjectNode a, Optional<RuleMeta> rule, String ruleId) {
        a.put("rule-title", rule.map(RuleMeta::title).orElse(ruleId));
        JsonApi.strings(a, "categories", rule.map(m -> m.categories().stream().map(Category::slug).toList())
                .orElse(List.of()));
        JsonApi.strings(a, "compliances", rule.map(RuleMeta::compliances).orElse(List.of()));
    }
}
