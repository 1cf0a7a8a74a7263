package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.RemedyCodec;
import dev.vigil.core.rule.Catalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the failing checks, with their remedies, and the ERROR checks back from a scan saved with --format json. */
final class SavedScan {

    private SavedScan() {
    }

    /** FAILURE checks with a remedy, and ERROR checks, of live resources. */
    static List<Check> checks(Path file, Catalog catalog) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not a Vigil JSON scan: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.path("checks").isArray()) {
            throw new IOException(file + " is not a Vigil JSON scan (no \"checks\" array); save one with "
                    + "'vigil scan --format json --output FILE'");
        }
        List<Check> checks = new ArrayList<>();
        for (JsonNode c : root.get("checks")) {
            String status = c.path("status").asText();
            boolean failing = Status.FAILURE.name().equals(status) && c.has("remedy");
            if (!failing && !Status.ERROR.name().equals(status) || c.path("accountId").isMissingNode()) {
                continue;
            }
            Map<String, String> remedy = new LinkedHashMap<>();
            c.path("remedy").fields().forEachRemaining(f -> remedy.put(f.getKey(), f.getValue().asText()));
            checks.add(new Check(catalog.find(c.path("ruleId").asText()).meta(), Status.valueOf(status),
                    c.path("resource").asText(), c.path("resourceName").asText(),
                    new Origin.Live(c.path("accountId").asText(), c.path("region").asText()),
                    c.path("message").asText(), failing ? RemedyCodec.decode(remedy) : null, Map.of(), null));
        }
        return checks;
    }
}
