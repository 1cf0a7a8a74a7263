package dev.vigil.aws.collect;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
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
        List<String> names = region.names()
                .orElseGet(() -> LIST_TABLES.all(client.listTablesPaginator(r -> r.limit(100))));
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<Future<DynamoDbTable>> described = new ArrayList<>(names.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String name : names) {
                described.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return describe(client, region, name);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        for (Future<DynamoDbTable> table : described) {
            DynamoDbTable t = table.resultNow();
            if (t != null) {
                into.add(t);
            }
        }
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
