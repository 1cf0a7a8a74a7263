package dev.vigil.aws.collect;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * DB instances from DescribeDBInstances (paginated); tags come in the same response. An entry without the
 * identifier or ARN AWS always sends cannot be judged: the others are kept and the region's listing is a fault.
 * A re-check asks for the named instances only.
 */
public final class RdsInstanceCollector implements Collector {

    static final String OPERATION = "rds:DescribeDBInstances";
    private static final Pages<DescribeDbInstancesResponse, DBInstance> PAGES = new Pages<>(OPERATION, "DBInstances",
            DescribeDbInstancesResponse::hasDbInstances, DescribeDbInstancesResponse::dbInstances,
            DescribeDbInstancesResponse::marker);

    @Override
    public Class<? extends Resource> kind() {
        return RdsInstance.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of(OPERATION);
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        describe(region, null, into);
    }

    /** The named instances (identifiers or ARNs) only, by DescribeDBInstances' db-instance-id filter. */
    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        describe(region, names, into);
    }

    /** Every instance of the region, or the named ones when {@code names} is not null. */
    private static void describe(RegionContext region, Set<String> names, Inventory into) {
        RdsClient client = region.connection().client(RdsClient::builder, region.region());
        List<DBInstance> instances = PAGES.all(client.describeDBInstancesPaginator(r -> {
            r.maxRecords(100);
            if (names != null) {
                r.filters(f -> f.name("db-instance-id").values(names));
            }
        }));
        long incomplete = 0;
        for (DBInstance db : instances) {
            if (db.dbInstanceIdentifier() == null || db.dbInstanceArn() == null) {
                incomplete++;
                continue;
            }
            Map<String, String> tags = db.tagList().stream()
                    .filter(t -> t.key() != null && t.value() != null)
                    .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
            into.add(new RdsInstance(region.origin(), db.dbInstanceArn(), db.dbInstanceIdentifier(),
                    db.dbInstanceArn(), db.engine(), db.dbClusterIdentifier(),
                    db.readReplicaSourceDBInstanceIdentifier(), tags));
        }
        if (incomplete > 0) {
            throw new CollectionException(OPERATION, "AWS answered " + incomplete + " DB instance(s) without the "
                    + "DBInstanceIdentifier or DBInstanceArn it always sends; they cannot be judged");
        }
    }
}
