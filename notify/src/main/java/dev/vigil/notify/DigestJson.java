package dev.vigil.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.rule.Risk;
import java.util.Map;

/**
 * A digest as the JSON document the webhook posts and SNS publishes to machine subscribers. Values are
 * exact (not cut); only the number of items per list is limited. Fields are stable: new ones may be added,
 * none is renamed.
 */
final class DigestJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private DigestJson() {
    }

    /** UTF-8 bytes of a document built here. */
    static byte[] bytes(JsonNode document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static ObjectNode render(Overview o) {
        Digest d = o.digest();
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("source", "vigil");
        doc.put("type", "run-digest");
        doc.put("version", 1);
        doc.put("runId", d.runId());
        doc.put("accountId", d.accountId());
        doc.put("accountName", d.accountName());
        d.regions().forEach(doc.putArray("regions")::add);
        doc.put("started", d.started() == null ? null : d.started().toString());
        doc.put("finished", d.finished() == null ? null : d.finished().toString());
        doc.put("outcome", d.outcome());
        doc.put("summary", o.headline());
        doc.put("dashboardUrl", o.dashboardUrl());
        section(doc.putObject("newFailures"), o.sections().get(0));
        section(doc.putObject("resolved"), o.sections().get(1));
        byRisk(doc.putObject("stillFailing").putObject("byRisk"), d.stillFailingByRisk());
        return doc;
    }

    private static void section(ObjectNode node, Overview.Section s) {
        node.put("count", s.total());
        byRisk(node.putObject("byRisk"), s.byRisk());
        ArrayNode items = node.putArray("items");
        for (Digest.Item i : s.top()) {
            ObjectNode item = items.addObject();
            item.put("checkId", i.checkId());
            item.put("ruleId", i.ruleId());
            item.put("ruleTitle", i.ruleTitle());
            item.put("risk", i.risk().name());
            item.put("status", i.status().name());
            item.put("region", i.region());
            item.put("resource", i.resource());
            item.put("resourceName", i.resourceName());
            item.put("message", i.message());
            i.categories().forEach(item.putArray("categories")::add);
            i.compliances().forEach(item.putArray("compliances")::add);
        }
        node.put("omitted", s.omitted());
    }

    /** Every risk level, lowest first, as in the scan's JSON summary. */
    private static void byRisk(ObjectNode node, Map<Risk, Integer> counts) {
        for (Risk r : Risk.values()) {
            node.put(r.name(), counts.getOrDefault(r, 0));
        }
    }
}
