package dev.vigil.realtime;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CloudTrail management event as EventBridge delivers it to a queue: the envelope ({@code version}, {@code id},
 * {@code detail-type: AWS API Call via CloudTrail}, {@code source}, {@code account}, {@code time}, {@code region},
 * {@code resources}) around CloudTrail's record in {@code detail} ({@code eventSource}, {@code eventName},
 * {@code requestParameters}, {@code responseElements}, {@code errorCode} when the call failed, ...).
 * Only what says what to re-read is taken from it; the verdict always comes from reading current state.
 *
 * @param errorCode the error of a call that failed (it changed nothing), or null
 */
record CloudTrailEvent(String id, String account, String region, String eventSource, String eventName,
                       String errorCode, JsonNode detail) {

    static final String DETAIL_TYPE = "AWS API Call via CloudTrail";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    /** Longer than any EventBridge event (256 KB): refused before parsing. */
    private static final int MAX_LENGTH = 512 * 1024;

    /**
     * Reads a message body.
     *
     * @throws PoisonMessage it is not JSON, or not a CloudTrail event as EventBridge delivers it; the reason names
     *                       what is wrong, never the body
     */
    static CloudTrailEvent parse(String body) throws PoisonMessage {
        if (body.length() > MAX_LENGTH) {
            throw new PoisonMessage("not an EventBridge event: " + body.length() + " characters");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PoisonMessage("not JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new PoisonMessage("not an EventBridge event: the body is not a JSON object");
        }
        if (!DETAIL_TYPE.equals(root.path("detail-type").asText(null))) {
            throw new PoisonMessage("not a CloudTrail event as EventBridge delivers it: detail-type is "
                    + (root.has("detail-type") ? "'" + clip(root.path("detail-type").asText()) + "'" : "missing")
                    + ", not '" + DETAIL_TYPE + "'");
        }
        String id = field(root, "id");
        field(root, "version");
        field(root, "source");
        String account = field(root, "account");
        if (!ACCOUNT.matcher(account).matches()) {
            throw new PoisonMessage("the event's account '" + clip(account) + "' is not an AWS account ID");
        }
        String region = field(root, "region");
        if (!REGION.matcher(region).matches()) {
            throw new PoisonMessage("the event's region '" + clip(region) + "' is not an AWS region name");
        }
        JsonNode detail = root.path("detail");
        if (!detail.isObject()) {
            throw new PoisonMessage("the event has no detail object");
        }
        String error = detail.path("errorCode").isTextual() ? detail.path("errorCode").asText() : null;
        return new CloudTrailEvent(id, account, region, field(detail, "eventSource"), field(detail, "eventName"),
                error, detail);
    }

    /** The text at a dot path of {@code detail}, e.g. {@code requestParameters.tableName}. */
    Optional<String> text(String path) {
        JsonNode node = detail;
        for (String step : path.split("\\.")) {
            node = node.path(step);
        }
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static String field(JsonNode node, String name) throws PoisonMessage {
        JsonNode value = node.path(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new PoisonMessage("not a CloudTrail event as EventBridge delivers it: no " + name);
        }
        return value.asText();
    }

    /** Values from a message are quoted in reasons, bounded and on one line. */
    static String clip(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }
}
