package dev.vigil.aws.collect;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * Tables from ListTables (100 per page) and one DescribeContinuousBackups per table — no other per-table
 * call; a re-check describes only the tables it names. Describes run a few at a time so that, even with a slow
 * network, the region's 10 calls/s bucket (not latency) sets the pace.
 */
public final class DynamoDbTableCollector implements Collector {

    static final int IN_FLIGHT = 8;
    private static final String DESCRIBE = "dynamodb:DescribeContinuousBackups";
    private static final Pages<ListTablesResponse, String> LIST_TABLES = new Pages<>("dynamodb:ListTables", "TableNames",
            ListTablesResponse::hasTableNames, ListTablesResponse::tableNames, ListTablesResponse::lastEvaluatedTableName);

    @Override
    public Class<? extends Resource> kind() {
        return DynamoDbTable.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of("dynamodb:ListTables", DESCRIBE);
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        DynamoDbClient client = region.connection().client(DynamoDbClient::builder, region.region());
        describe(client, region, LIST_TABLES.all(client.listTablesPaginator(r -> r.limit(100))), into);
    }

    /** Only the named tables (names or ARNs), without ListTables; a table that is gone is absent. */
    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        DynamoDbClient client = region.connection().client(DynamoDbClient::builder, region.region());
        describe(client, region, names.stream().map(n -> n.substring(n.lastIndexOf('/') + 1)).distinct().toList(),
                into);
    }

    private static void describe(DynamoDbClient client, RegionContext region, List<String> names, Inventory into) {
        InFlight.map(names, IN_FLIGHT, name -> describe(client, region, name)).forEach(into::add);
    }

    /** The table with its PITR state; null when it was deleted since it was listed. */
    private static DynamoDbTable describe(DynamoDbClient client, RegionContext region, String name) {
        String arn = "arn:" + region.partition() + ":dynamodb:" + region.region() + ":" + region.account()
                + ":table/" + name;
        try {
            ContinuousBackupsDescription backups = client.describeContinuousBackups(r -> r.tableName(name))
                    .continuousBackupsDescription();
            PointInTimeRecoveryDescription pitr = backups == null ? null : backups.pointInTimeRecoveryDescription();
            if (pitr == null) {
                return new DynamoDbTable(region.origin(), arn, name, Value.failed(DESCRIBE + " answered without "
                        + (backups == null ? "ContinuousBackupsDescription" : "PointInTimeRecoveryDescription")
                        + ", which AWS always sends"), null);
            }
            return new DynamoDbTable(region.origin(), arn, name, status(pitr.pointInTimeRecoveryStatusAsString()),
                    pitr.recoveryPeriodInDays());
        } catch (TableNotFoundException deleted) {
            return null;
        } catch (RuntimeException e) {
            return new DynamoDbTable(region.origin(), arn, name,
                    Value.failed(DESCRIBE + " failed: " + Faults.describe(e)), null);
        }
    }

    private static Value<PitrStatus> status(String reported) {
        try {
            return Value.known(PitrStatus.valueOf(reported));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Value.failed("AWS reported an unrecognised point-in-time recovery status: " + reported);
        }
    }
}
