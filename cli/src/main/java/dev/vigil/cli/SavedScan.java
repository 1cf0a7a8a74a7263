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

/** Reads the failing checks, with their remedies, back from a scan saved with --format json. */
final class SavedScan {

    private SavedScan() {
    }

    static List<Check> failures(Path file, Catalog catalog) throws IOException {
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
        List<Check> failing = new ArrayList<>();
        for (JsonNode c : root.get("checks")) {
            if (!Status.FAILURE.name().equals(c.path("status").asText()) || !c.has("remedy")
                    || c.path("accountId").isMissingNode()) {
                continue;
            }
            Map<String, String> remedy = new LinkedHashMap<>();
            c.get("remedy").fields().forEachRemaining(f -> remedy.put(f.getKey(), f.getValue().asText()));
            failing.add(new Check(catalog.find(c.path("ruleId").asText()).meta(), Status.FAILURE,
                    c.path("resource").asText(), c.path("resourceName").asText(),
                    new Origin.Live(c.path("accountId").asText(), c.path("region").asText()),
                    c.path("message").asText(), RemedyCodec.decode(remedy), Map.of(), null));
        }
        return failing;
    }
}
