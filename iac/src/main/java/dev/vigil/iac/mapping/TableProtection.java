package dev.vigil.iac.mapping;

import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.Value;

/**
 * What a DynamoDB table declares of its encryption at rest and its deletion protection, read the same way from
 * {@code AWS::DynamoDB::Table} (and SAM's {@code AWS::Serverless::SimpleTable}), {@code AWS::DynamoDB::GlobalTable}
 * replicas and {@code aws_dynamodb_table} with its {@code replica} blocks. As AWS does when they are left out: server-side
 * encryption off means an AWS owned key; on without a key, the AWS managed key {@code aws/dynamodb}; deletion protection
 * off.
 */
public final class TableProtection {

    public static final Field SSE_ENABLED = new Field("SSESpecification.SSEEnabled", "server_side_encryption.enabled");
    public static final Field KEY = new Field("SSESpecification.KMSMasterKeyId", "server_side_encryption.kms_key_arn");
    public static final Field DELETION_PROTECTION = new Field("DeletionProtectionEnabled",
            "deletion_protection_enabled");
    /** A global table's replica: its own key and deletion protection ({@code Replicas[]}, {@code replica {}}). */
    public static final Field REPLICAS = new Field("Replicas", "replica");
    public static final Field REPLICA_KEY = new Field("SSESpecification.KMSMasterKeyId", "kms_key_arn");

    private static final EncryptionKey DYNAMODB_KEY = new EncryptionKey(EncryptionKey.Manager.AWS_MANAGED,
            "alias/aws/dynamodb");

    private TableProtection() {
    }

    /** The key of a table, or of a replica: {@code keyHolder} names the key in {@code keyField} when encryption is on. */
    public static Value<EncryptionKey> key(Declaration table, Declaration keyHolder, Field keyField) {
        return switch (table.bool(SSE_ENABLED, false)) {
            case Value.Known<Boolean> on when on.value() -> KmsKeys.of(keyHolder, keyField, DYNAMODB_KEY);
            case Value.Known<Boolean> off -> Value.known(EncryptionKey.AWS_OWNED);
            case Value<Boolean> undecided -> undecided.map(b -> EncryptionKey.AWS_OWNED);
        };
    }

    public static Value<Boolean> deletionProtection(Declaration tableOrReplica) {
        return tableOrReplica.bool(DELETION_PROTECTION, false);
    }
}
