package dev.vigil.aws.collect;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * DB instances from DescribeDBInstances (paginated); tags and the backup and protection settings rules read come in the
 * same response, so every instance rule costs this one listing. An entry without the identifier or ARN AWS always
 * sends cannot be judged: the others are kept and the region's listing is a fault. A re-check asks for the named
 * instances only.
 */
public final class RdsInstanceCollector implements Collector {

    static final String OPERATION = "rds:DescribeDBInstances";
    /** RDS keeps identifiers in lower case; ARNs name an instance as {@code db:NAME}. */
    static final EventTrigger.Names INSTANCES = new EventTrigger.Names("db:", true);
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

    /**
     * What the model holds (identifier, engine, cluster, replica source, tags) changes through these calls; a
     * rename (ModifyDBInstance with a new identifier) names the old instance and the new.
     */
    @Override
    public List<EventTrigger> triggers() {
        return List.of(EventTrigger.named("rds.amazonaws.com", INSTANCES, List.of(
                        "requestParameters.dBInstanceIdentifier", "requestParameters.targetDBInstanceIdentifier",
                        "requestParameters.newDBInstanceIdentifier", "requestParameters.resourceName"),
                "CreateDBInstance", "CreateDBInstanceReadReplica", "DeleteDBInstance", "ModifyDBInstance",
                "PromoteReadReplica", "RestoreDBInstanceFromDBSnapshot", "RestoreDBInstanceFromS3",
                "RestoreDBInstanceToPointInTime", "AddTagsToResource", "RemoveTagsFromResource"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        add(region, r -> { }, into);
    }

    /** The named instances (identifiers or ARNs, as the filter takes both), with one filtered listing. */
    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        add(region, r -> r.filters(f -> f.name("db-instance-id").values(names)), into);
    }

    private static void add(RegionContext region, Consumer<DescribeDbInstancesRequest.Builder> filter,
                            Inventory into) {
        RdsClient client = region.connection().client(RdsClient::builder, region.region());
        List<DBInstance> instances = PAGES.all(client.describeDBInstancesPaginator(
                r -> filter.accept(r.maxRecords(100))));
        long incomplete = 0;
        for (DBInstance db : instances) {
            if (db.dbInstanceIdentifier() == null || db.dbInstanceArn() == null) {
                incomplete++;
                continue;
            }
            into.add(new RdsInstance(region.origin(), db.dbInstanceArn(), db.dbInstanceIdentifier(),
                    db.dbInstanceArn(), db.engine(), db.dbClusterIdentifier(),
                    db.readReplicaSourceDBInstanceIdentifier(), tags(db.tagList()),
                    Reported.value(db.backupRetentionPeriod() == null ? null : db.backupRetentionPeriod().longValue(),
                            "BackupRetentionPeriod"),
                    Reported.value(db.copyTagsToSnapshot(), "CopyTagsToSnapshot"),
                    Reported.value(db.deletionProtection(), "DeletionProtection")));
        }
        if (incomplete > 0) {
            throw new CollectionException(OPERATION, "AWS answered " + incomplete + " DB instance(s) without the "
                    + "DBInstanceIdentifier or DBInstanceArn it always sends; they cannot be judged");
        }
    }

    /** RDS tags (of instances, clusters and snapshots alike) whose key and value AWS gave. */
    static Map<String, String> tags(List<Tag> tags) {
        return tags.stream().filter(t -> t.key() != null && t.value() != null)
                .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
    }
}
