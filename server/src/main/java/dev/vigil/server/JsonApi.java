package dev.vigil.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;

/** JSON:API documents ({@code application/vnd.api+json}): resources, errors, and reading request bodies. */
final class JsonApi {

    static final String MEDIA_TYPE = "application/vnd.api+json";
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonApi() {
    }

    static ObjectNode document() {
        return JSON.createObjectNode();
    }

    /** A resource object {@code {"type": ..., "id": ..., "attributes": {}}}; the caller fills the attributes. */
    static ObjectNode resource(String type, String id) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("type", type);
        resource.put("id", id);
        resource.putObject("attributes");
        return resource;
    }

    static ObjectNode attributes(ObjectNode resource) {
        return (ObjectNode) resource.get("attributes");
    }

    /** A to-one relationship {@code "name": {"data": {"type": ..., "id": ...}}}. */
    static void relate(ObjectNode resource, String name, String type, String id) {
        ObjectNode data = resource.with("relationships").putObject(name).putObject("data");
        data.put("type", type);
        data.put("id", id);
    }

    /** Epoch milliseconds, or null, as Conformity writes dates. */
    static void date(ObjectNode node, String field, Instant at) {
        if (at == null) {
            node.putNull(field);
        } else {
            node.put(field, at.toEpochMilli());
        }
    }

    static ArrayNode strings(ObjectNode node, String field, Iterable<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
        return array;
    }

    static void send(Context ctx, int status, JsonNode document) {
        ctx.status(status).contentType(MEDIA_TYPE).result(write(document));
    }

    static void send(Context ctx, JsonNode document) {
        send(ctx, 200, document);
    }

    /** {@code {"errors": [{"status": "400", "detail": "..."}]}}. */
    static ObjectNode error(int status, String detail) {
        ObjectNode document = document();
        ObjectNode error = document.putArray("errors").addObject();
        error.put("status", Integer.toString(status));
        error.put("detail", detail);
        return document;
    }

    /** The request body as a JSON object; anything else is a 400 saying where it stopped being JSON. */
    static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiError.badRequest("the request needs a JSON:API document as its body");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object (a JSON:API document with \"data\")");
        }
        return node;
    }

    private static String write(JsonNode document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always writes", e);
        }
    }
}
