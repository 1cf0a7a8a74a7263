package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The server's OpenAPI document as the tests read it: which path template a request path falls under, and whether
 * a real response matches the schema the document gives for its operation and status (JSON Schema 2020-12).
 * Every response validated is remembered, so a test can demand that every documented operation was seen.
 */
final class OpenApiDocument {

    static final String RESOURCE = "dev/vigil/server/openapi.json";
    static final JsonNode DOCUMENT = read();
    /** "METHOD /template" of every operation a test saw a response of. */
    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private OpenApiDocument() {
    }

    /** The documented path template this request path falls under (a check's ID may hold slashes). */
    static Optional<String> template(String path) {
        for (Iterator<String> it = DOCUMENT.get("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            StringBuilder regex = new StringBuilder();
            for (String segment : template.substring(1).split("/")) {
                regex.append('/').append(!segment.startsWith("{") ? Pattern.quote(segment)
                        : template.startsWith("/v1/checks/") ? ".+" : "[^/]+");
            }
            if (path.matches(regex.toString())) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    /** Checks a response to a documented path: its operation exists, documents the status, and the body fits. */
    static void validate(String method, String path, int status, String contentType, String body) {
        String template = template(path).orElseThrow(() -> new AssertionError("no documented path for " + path));
        JsonNode operation = DOCUMENT.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
        assertThat(operation).as("%s %s is documented", method, template).isNotNull();
        JsonNode response = operation.get("responses").get(Integer.toString(status));
        assertThat(response).as("%s %s documents status %d", method, template, status).isNotNull();
        JsonNode content = response.get("content");
        String media = contentType == null ? "" : contentType.replaceAll(";.*", "").trim();
        assertThat(content.has(media)).as("%s %s %d documents %s", method, template, status, media).isTrue();
        JsonNode ref = content.get(media).get("schema").get("$ref");
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " answered something that is not JSON: " + body, e);
        }
        if (ref != null) {
            Set<ValidationMessage> errors = schema(ref.asText()).validate(node);
            assertThat(errors).as("%s %s %d against %s: %s", method, path, status, ref.asText(), body).isEmpty();
        }
        SEEN.add(method.toUpperCase(Locale.ROOT) + " " + template);
    }

    private static JsonSchema schema(String ref) {
        return COMPILED.computeIfAbsent(ref, r -> SCHEMAS.getSchema(SchemaLocation.of("classpath:" + RESOURCE + r)));
    }

    private static JsonNode read() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
