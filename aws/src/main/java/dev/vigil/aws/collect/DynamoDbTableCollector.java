package dev.vigil.aws.collect;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * Tables from ListTables (100 per page), and per table only the calls the selected rules read: DescribeContinuousBackups
 * for point-in-time recovery, DescribeTable for encryption at rest and deletion protection ({@link TableDescriptions}),
 * each at most once; a rule that reads only the table list (DynamoDB-005) makes no per-table call. Describes run a few
 * at a time so that, even with a slow network, the region's 10 calls/s bucket (not latency) sets the pace.
 */
public final class DynamoDbTableCollector implements Collector {

    static final int IN_FLIGHT = 8;

    @Override
    public Class<? extends Resource> kind() {
        return DynamoDbTable.class;
    }

    /** The fields DescribeContinuousBackups fills. */
    private static final Set<String> PITR = Set.of("pointInTimeRecovery", "recoveryPeriodDays");

    @Override
    public List<String> iamActions() {
        return iamActions(Reads.ALL);
    }

    @Override
    public List<String> iamActions(Reads reads) {
        List<String> actions = new ArrayList<>(List.of("dynamodb:ListTables"));
        if (PITR.stream().anyMatch(reads::has)) {
            actions.add("dynamodb:DescribeContinuousBackups");
        }
        if (TableDescriptions.needed(reads)) {
            actions.add(TableDescriptions.DESCRIBE);
        }
        if (reads.has(TableDescriptions.KEY)) {
            actions.add(KeyManagers.DESCRIBE);
        }
        return List.copyOf(actions);
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        collect(region, Reads.ALL, into);
    }

    @Override
    public void collect(RegionContext region, Reads reads, Inventory into) {
        DynamoDbClient client = region.connection().client(DynamoDbClient::builder, region.region());
        List<String> names = Faults.call("dynamodb:ListTables",
                () -> client.listTablesPaginator(r -> r.limit(100)).tableNames().stream().toList());
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<Future<DynamoDbTable>> described = new ArrayList<>(names.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String name : names) {
                described.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return table(client, region, name, reads);
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
        String arn = "arn:" + region.partition() + ":dynamodb:" + region.region() + ":" + region.account()
                + ":table/" + name;
        try {
            PointInTimeRecoveryDescription pitr = client.describeContinuousBackups(r -> r.tableName(name))
                    .continuousBackupsDescription().pointInTimeRecoveryDescription();
            if (pitr == null) {
                return new DynamoDbTable(region.origin(), arn, name, Value.known(PitrStatus.DISABLED), null);
            }
            return new DynamoDbTable(region.origin(), arn, name, status(pitr.pointInTimeRecoveryStatusAsString()),
                    pitr.recoveryPeriodInDays());
        } catch (TableNotFoundException deleted) {
            return null;
        } catch (RuntimeException e) {
            return new DynamoDbTable(region.origin(), arn, name,
                    Value.failed("dynamodb:DescribeContinuousBackups failed: " + Faults.describe(e)), null);
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
