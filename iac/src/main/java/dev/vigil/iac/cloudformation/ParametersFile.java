package dev.vigil.iac.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.hcl.SourceText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads a parameters file in either style the AWS CLI accepts: the {@code create-stack} list
 * {@code [{"ParameterKey": "Env", "ParameterValue": "prod"}]} or the {@code deploy} object
 * {@code {"Env": "prod"}}. List values (for {@code CommaDelimitedList}) become comma-joined text.
 */
public final class ParametersFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAX_BYTES = 8L * 1024 * 1024;

    private ParametersFile() {
    }

    /** @throws IOException when the file cannot be read or is in neither style (the message says why) */
    public static Map<String, String> read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(SourceText.read(file, null, MAX_BYTES));
        Map<String, String> values = new LinkedHashMap<>();
        if (root != null && root.isArray()) {
            for (JsonNode entry : root) {
                JsonNode key = entry.get("ParameterKey");
                JsonNode value = entry.get("ParameterValue");
                if (key == null || !key.isTextual() || value == null) {
                    throw new IOException(file + ": each entry needs ParameterKey and ParameterValue");
                }
                values.put(key.asText(), text(value));
            }
        } else if (root != null && root.isObject()) {
            root.fields().forEachRemaining(e -> values.put(e.getKey(), text(e.getValue())));
        } else {
            throw new IOException(file + ": expected a list of ParameterKey/ParameterValue or an object");
        }
        return values;
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            StringJoiner joined = new StringJoiner(",");
            value.forEach(item -> joined.add(item.asText()));
            return joined.toString();
        }
        return value.asText();
    }
}
