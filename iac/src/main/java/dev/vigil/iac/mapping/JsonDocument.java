package dev.vigil.iac.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.model.Value;

/** JSON text that a template property holds as a string (a policy document), read into plain values. */
public final class JsonDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonDocument() {
    }

    /** The document as {@code Map}, {@code List} and scalars; failed, naming the property, when it is not JSON. */
    public static Value<Object> parse(String property, String text) {
        try {
            Object document = JSON.readValue(text, Object.class);
            return document == null ? Value.failed(property + " is JSON null, not a document") : Value.known(document);
        } catch (JsonProcessingException e) {
            return Value.failed(property + " is not a JSON document: " + e.getOriginalMessage());
        }
    }
}
