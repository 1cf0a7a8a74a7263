package dev.vigil.core.model;

/**
 * A DynamoDB table (or one replica of a global table).
 *
 * @param recoveryPeriodDays PITR recovery period in days when the source states it, else null
 */
public record DynamoDbTable(Origin origin, String id, String name, Value<PitrStatus> pointInTimeRecovery,
                            Integer recoveryPeriodDays) implements Resource {

    /** The three states AWS reports for point-in-time recovery. */
    public enum PitrStatus { ENABLED, ENABLING, DISABLED }
}
