package dev.vigil.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.aws.EmulatorProxy.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * moto has backup plans but no backup selections. This stub answers CreateBackupSelection,
 * ListBackupSelections and GetBackupSelection in the shapes the AWS Backup API reference documents,
 * remembering what was created so a later scan sees it, as AWS would.
 */
final class BackupSelectionStub {

    private static final Pattern SELECTIONS = Pattern.compile("/backup/plans/([^/]+)/selections/([^/]*)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** plan ID → selection ID → the BackupSelection object as created. */
    private final Map<String, Map<String, JsonNode>> selections = new ConcurrentHashMap<>();

    void install(EmulatorProxy proxy) {
        proxy.when(r -> SELECTIONS.matcher(r.path()).matches(), this::answer);
    }

    int count() {
        return selections.values().stream().mapToInt(Map::size).sum();
    }

    JsonNode only() {
        return selections.values().stream().flatMap(m -> m.values().stream()).findFirst().orElseThrow();
    }

    private Response answer(EmulatorProxy.Request request) {
        Matcher m = SELECTIONS.matcher(request.path());
        m.matches();
        String planId = m.group(1);
        String selectionId = m.group(2);
        Map<String, JsonNode> plan = selections.computeIfAbsent(planId, k -> new ConcurrentHashMap<>());
        try {
            if (request.method().equals("PUT")) {
                String id = UUID.randomUUID().toString();
                plan.put(id, JSON.readTree(request.body()).get("BackupSelection"));
                return json(EmulatorProxy.recorded("CreateBackupSelection.json",
                        Map.of("planId", planId, "selectionId", id)));
            }
            if (selectionId.isEmpty()) {
                ObjectNode list = JSON.createObjectNode();
                ArrayNode members = list.putArray("BackupSelectionsList");
                plan.forEach((id, s) -> members.addObject().put("BackupPlanId", planId).put("SelectionId", id)
                        .put("SelectionName", s.get("SelectionName").asText())
                        .put("IamRoleArn", s.get("IamRoleArn").asText()).put("CreationDate", 1.7320608E9));
                return json(JSON.writeValueAsString(list));
            }
            ObjectNode got = JSON.createObjectNode().put("BackupPlanId", planId).put("SelectionId", selectionId)
                    .put("CreationDate", 1.7320608E9);
            got.set("BackupSelection", plan.get(selectionId));
            return json(JSON.writeValueAsString(got));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response json(String body) {
        return new Response(200, "application/json", body);
    }
}
