package dev.vigil.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The document EventBridge puts on a queue for a CloudTrail management event, field for field: what the demo and
 * the benchmark post to stand in for EventBridge (and the tests, for the exact shape Vigil must read).
 */
public final class CloudTrailEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudTrailEvents() {
    }

    /**
     * A DynamoDB call on one table: {@code CreateTable}, {@code UpdateContinuousBackups} (with {@code pitr}),
     * {@code DeleteTable}, ...; the request names the table as CloudTrail records it.
     */
    public static String dynamoDb(String account, String region, String eventName, String table, boolean pitr) {
        ObjectNode request = JSON.createObjectNode().put("tableName", table);
        ObjectNode response = null;
        switch (eventName) {
            case "CreateTable" -> {
                request.put("billingMode", "PAY_PER_REQUEST");
                request.putArray("keySchema").addObject().put("attributeName", "id").put("keyType", "HASH");
                request.putArray("attributeDefinitions").addObject().put("attributeName", "id")
                        .put("attributeType", "S");
                response = JSON.createObjectNode();
                response.putObject("tableDescription").put("tableName", table).put("tableStatus", "CREATING")
                        .put("tableArn", "arn:aws:dynamodb:" + region + ":" + account + ":table/" + table);
            }
            case "UpdateContinuousBackups" -> request.putObject("pointInTimeRecoverySpecification")
                    .put("pointInTimeRecoveryEnabled", pitr);
            default -> { }
        }
        return event(account, region, "dynamodb.amazonaws.com", eventName, request, response);
    }

    /** Any management event: the envelope and CloudTrail's record, with the request and response given. */
    public static String event(String account, String region, String eventSource, String eventName,
                               ObjectNode requestParameters, ObjectNode responseElements) {
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode root = JSON.createObjectNode().put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", CloudTrailEvent.DETAIL_TYPE)
                .put("source", "aws." + eventSource.substring(0, eventSource.indexOf('.')))
                .put("account", account).put("time", time).put("region", region);
        root.putArray("resources");
        ObjectNode detail = root.putObject("detail").put("eventVersion", "1.09");
        detail.putObject("userIdentity").put("type", "AssumedRole").put("principalId", "AROAEXAMPLE:jane")
                .put("arn", "arn:aws:sts::" + account + ":assumed-role/Admin/jane").put("accountId", account);
        detail.put("eventTime", time).put("eventSource", eventSource).put("eventName", eventName)
                .put("awsRegion", region).put("sourceIPAddress", "203.0.113.10").put("userAgent", "aws-cli/2.15.0");
        detail.set("requestParameters", requestParameters);
        detail.set("responseElements", responseElements);
        detail.put("requestID", UUID.randomUUID().toString()).put("eventID", UUID.randomUUID().toString())
                .put("readOnly", false).put("eventType", "AwsApiCall").put("managementEvent", true)
                .put("recipientAccountId", account).put("eventCategory", "Management");
        return root.toString();
    }
}
