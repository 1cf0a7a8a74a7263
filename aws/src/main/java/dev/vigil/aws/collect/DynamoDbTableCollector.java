package dev.vigil.aws.collect;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * Tables from ListTables (100 per page), and per table only the calls the selected rules read: DescribeContinuousBackups
 * for point-in-time recovery, DescribeTable for encryption at rest and deletion protection ({@link TableDescriptions}),
 * each at most once; a rule that reads only the table list (DynamoDB-005) makes no per-table call. Describes run a few
 * at a time so that, even with a slow network, the region's 10 calls/s bucket (not latency) sets the pace. A re-check
 * describes only the tables it names, reading all their fields (it does not know which the rules read).
 */
public final class DynamoDbTableCollector implements Collector {

    static final int IN_FLIGHT = 8;
    /** Table names are case-sensitive; ARNs name a table as {@code table/NAME}. */
    static final EventTrigger.Names TABLES = new EventTrigger.Names("table/", false);
    private static final String DESCRIBE = "dynamodb:DescribeContinuousBackups";
    private static final Pages<ListTablesResponse, String> LIST_TABLES = new Pages<>("dynamodb:ListTables", "TableNames",
            ListTablesResponse::hasTableNames, ListTablesResponse::tableNames, ListTablesResponse::lastEvaluatedTableName);

    /** The fields DescribeContinuousBackups fills. */
    private static final Set<String> PITR = Set.of("pointInTimeRecovery", "recoveryPeriodDays");

    @Override
    public Class<? extends Resource> kind() {
        return DynamoDbTable.class;
    }

    @Override
    public List<String> iamActions() {
        return iamActions(Reads.ALL);
    }

    @Override
    public List<String> iamActions(Reads reads) {
        List<String> actions = new ArrayList<>(List.of(LIST_TABLES.operation()));
        if (PITR.stream().anyMatch(reads::has)) {
            actions.add(DESCRIBE);
        }
        if (TableDescriptions.needed(reads)) {
            actions.add(TableDescriptions.DESCRIBE);
        }
        if (reads.has(TableDescriptions.KEY)) {
            actions.add(KeyManagers.DESCRIBE);
        }
        return List.copyOf(actions);
    }

    /**
     * What the model holds of a table changes only through these calls: point-in-time recovery through
     * UpdateContinuousBackups (a new, restored or imported table starts without it), encryption and deletion
     * protection through UpdateTable. The event names the table in its request.
     */
    @Override
    public List<EventTrigger> triggers() {
        return List.of(EventTrigger.named("dynamodb.amazonaws.com", TABLES, List.of("requestParameters.tableName",
                        "requestParameters.targetTableName", "requestParameters.tableCreationParameters.tableName"),
                "CreateTable", "DeleteTable", "UpdateTable", "UpdateContinuousBackups", "RestoreTableFromBackup",
                "RestoreTableToPointInTime", "ImportTable"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        collect(region, Reads.ALL, into);
    }

    @Override
    public void collect(RegionContext region, Reads reads, Inventory into) {
        DynamoDbClient client = region.connection().client(DynamoDbClient::builder, region.region());
        describe(region, client, LIST_TABLES.all(client.listTablesPaginator(r -> r.limit(100))), reads, into);
    }

    /** The named tables (by name, or by ARN as events name them) only, every field; no ListTables. */
    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        collect(region, names, Reads.ALL, into);
    }

    /** The named tables only, with the fields the rules read: DescribeTable only for the rules that need it. */
    @Override
    public void collect(RegionContext region, Set<String> names, Reads reads, Inventory into) {
        describe(region, region.connection().client(DynamoDbClient::builder, region.region()),
                names.stream().map(n -> n.substring(n.lastIndexOf('/') + 1)).distinct().toList(), reads, into);
    }

    private static void describe(RegionContext region, DynamoDbClient client, List<String> names, Reads reads,
                                 Inventory into) {
        InFlight.map(names, IN_FLIGHT, name -> table(client, region, name, reads)).forEach(into::add);
    }

    /** The table with what the rules read of it; null when it was deleted since it was listed. */
    private static DynamoDbTable table(DynamoDbClient client, RegionContext region, String name, Reads reads) {
        DynamoDbTable table = PITR.stream().anyMatch(reads::has) ? describe(client, region, name)
                : new DynamoDbTable(region.origin(), arn(region, name), name, Value.failed(DynamoDbTable.NOT_READ), null);
        return table == null || !TableDescriptions.needed(reads) ? table
                : TableDescriptions.read(region, client, table, reads);
    }

    private static String arn(RegionContext region, String name) {
        return "arn:" + region.partition() + ":dynamodb:" + region.region() + ":" + region.account() + ":table/" + name;
    }

    /** The table with its PITR state; null when it was deleted since it was listed. */
    private static DynamoDbTable describe(DynamoDbClient client, RegionContext region, String name) {
        String arn = arn(region, name);
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
