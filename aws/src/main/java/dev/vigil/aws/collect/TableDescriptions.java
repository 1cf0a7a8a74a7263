package dev.vigil.aws.collect;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.Value;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * What DescribeTable says of a table that its rules read and no listing carries: the key that encrypts it at rest
 * (an {@code SSEDescription} with a KMS key, whose manager {@link KeyManagers} asks KMS for; none means an AWS owned
 * key) and deletion protection. Only the fields the selected rules read are filled; the others stay not read.
 */
final class TableDescriptions {

    static final String DESCRIBE = "dynamodb:DescribeTable";
    static final String KEY = "encryptionKey";
    static final String PROTECTION = "deletionProtection";

    private TableDescriptions() {
    }

    /** Whether a rule reads a field DescribeTable fills. */
    static boolean needed(Reads reads) {
        return reads.has(KEY) || reads.has(PROTECTION);
    }

    /** {@code table} with what DescribeTable says; null when the table was deleted since it was listed. */
    static DynamoDbTable read(RegionContext region, DynamoDbClient client, DynamoDbTable table, Reads reads) {
        TableDescription described;
        try {
            described = client.describeTable(r -> r.tableName(table.name())).table();
        } catch (TableNotFoundException deleted) {
            return null;
        } catch (RuntimeException e) {
            return failed(table, reads, DESCRIBE + " failed: " + Faults.describe(e));
        }
        if (described == null) {
            return failed(table, reads, DESCRIBE + " answered without Table, which it always sends");
        }
        return table.with(reads.has(KEY) ? key(region, described.sseDescription()) : table.encryptionKey(),
                reads.has(PROTECTION) ? protection(described.deletionProtectionEnabled()) : table.deletionProtection());
    }

    /** The fields the rules read could not be: each says why, so their checks are ERRORs. */
    private static DynamoDbTable failed(DynamoDbTable table, Reads reads, String cause) {
        return table.with(reads.has(KEY) ? Value.failed(cause) : table.encryptionKey(),
                reads.has(PROTECTION) ? Value.failed(cause) : table.deletionProtection());
    }

    /** No KMS key in the description: DynamoDB encrypts with an AWS owned key. */
    private static Value<EncryptionKey> key(RegionContext region, SSEDescription sse) {
        return sse == null || sse.kmsMasterKeyArn() == null ? Value.known(EncryptionKey.AWS_OWNED)
                : KeyManagers.of(region, sse.kmsMasterKeyArn());
    }

    private static Value<Boolean> protection(Boolean enabled) {
        return enabled == null ? Value.failed(DESCRIBE + " answered without DeletionProtectionEnabled, which it always "
                + "sends") : Value.known(enabled);
    }
}
