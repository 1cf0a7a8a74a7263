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
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * DB instances from DescribeDBInstances (paginated); tags come in the same response. A re-check of named instances
 * makes one DescribeDBInstances per instance.
 */
public final class RdsInstanceCollector implements Collector {

    /** RDS keeps identifiers in lower case; ARNs name an instance as {@code db:NAME}. */
    static final EventTrigger.Names INSTANCES = new EventTrigger.Names("db:", true);

    @Override
    public Class<? extends Resource> kind() {
        return RdsInstance.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of("rds:DescribeDBInstances");
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
        RdsClient client = region.connection().client(RdsClient::builder, region.region());
        add(region, Faults.call("rds:DescribeDBInstances",
                () -> client.describeDBInstancesPaginator(r -> r.maxRecords(100)).dbInstances().stream().toList()), into);
    }

    /** One DescribeDBInstances per named instance; an instance that is gone is absent. */
    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        RdsClient client = region.connection().client(RdsClient::builder, region.region());
        for (String name : names) {
            try {
                add(region, Faults.call("rds:DescribeDBInstances",
                        () -> client.describeDBInstances(r -> r.dbInstanceIdentifier(name)).dbInstances()), into);
            } catch (CollectionException e) {
                if (!(e.getCause() instanceof DbInstanceNotFoundException)) {
                    throw e;
                }
            }
        }
    }

    private static void add(RegionContext region, List<DBInstance> instances, Inventory into) {
        for (DBInstance db : instances) {
            Map<String, String> tags = db.tagList().stream()
                    .filter(t -> t.key() != null && t.value() != null)
                    .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
            into.add(new RdsInstance(region.origin(), db.dbInstanceArn(), db.dbInstanceIdentifier(),
                    db.dbInstanceArn(), db.engine(), db.dbClusterIdentifier(),
                    db.readReplicaSourceDBInstanceIdentifier(), tags));
        }
    }
}
