package dev.vigil.core.model;

/**
 * A DynamoDB table (or one replica of a global table).
 *
 * @param recoveryPeriodDays PITR recovery period in days when the source states it, else null
 * @param pitrFix            when the table as declared cannot have point-in-time recovery, what to declare
 *                           instead (e.g. for a SAM {@code AWS::Serverless::SimpleTable}); else null
 * @param encryptionKey      the KMS key that encrypts it at rest (an AWS owned key unless it names one)
 * @param deletionProtection whether it refuses to be deleted until this is turned off
 */
public record DynamoDbTable(Origin origin, String id, String name, Value<PitrStatus> pointInTimeRecovery,
                            Integer recoveryPeriodDays, String pitrFix, Value<EncryptionKey> encryptionKey,
                            Value<Boolean> deletionProtection) implements Resource {

    /** A table whose encryption and deletion protection the source did not read. */
    public DynamoDbTable(Origin origin, String id, String name, Value<PitrStatus> pointInTimeRecovery,
                         Integer recoveryPeriodDays, String pitrFix) {
        this(origin, id, name, pointInTimeRecovery, recoveryPeriodDays, pitrFix, Value.failed(NOT_READ),
                Value.failed(NOT_READ));
    }

    public DynamoDbTable(Origin origin, String id, String name, Value<PitrStatus> pointInTimeRecovery,
                         Integer recoveryPeriodDays) {
        this(origin, id, name, pointInTimeRecovery, recoveryPeriodDays, null);
    }

    /** What a field holds when no selected rule reads it: a rule that did would report an ERROR, never a verdict. */
    public static final String NOT_READ = "not read: no selected rule reads it";

    /** This table with its encryption key and deletion protection as read. */
    public DynamoDbTable with(Value<EncryptionKey> key, Value<Boolean> protection) {
        return new DynamoDbTable(origin, id, name, pointInTimeRecovery, recoveryPeriodDays, pitrFix, key, protection);
    }

    /** The three states AWS reports for point-in-time recovery. */
    public enum PitrStatus { ENABLED, ENABLING, DISABLED }
}
