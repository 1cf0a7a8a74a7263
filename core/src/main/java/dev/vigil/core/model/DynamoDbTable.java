package dev.vigil.core.model;

/**
 * A DynamoDB table (or one replica of a global table).
 *
 * @param recoveryPeriodDays PITR recovery period in days when the source states it, else null
 * @param pitrFix            when the table as declared cannot have point-in-time recovery, what to declare
 *                           instead (e.g. for a SAM {@code AWS::Serverless::SimpleTable}); else null
 */
public record DynamoDbTable(Origin origin, String id, String name, Value<PitrStatus> pointInTimeRecovery,
                            Integer recoveryPeriodDays, String pitrFix) implements Resource {

    public DynamoDbTable(Origin origin, String id, String name, Value<PitrStatus> pointInTimeRecovery,
                         Integer recoveryPeriodDays) {
        this(origin, id, name, pointInTimeRecovery, recoveryPeriodDays, null);
    }

    /** The three states AWS reports for point-in-time recovery. */
    public enum PitrStatus { ENABLED, ENABLING, DISABLED }
}
