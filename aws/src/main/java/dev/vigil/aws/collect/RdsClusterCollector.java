package dev.vigil.aws.collect;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * DB clusters from DescribeDBClusters (paginated, 100 a page): Aurora, Multi-AZ, DocumentDB and Neptune clusters
 * all come from this one call, with every field the cluster rules read and their tags; no per-cluster call.
 */
public final class RdsClusterCollector implements Collector {

    @Override
    public Class<? extends Resource> kind() {
        return RdsCluster.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of("rds:DescribeDBClusters");
    }

    @Override
    public List<EventTrigger> triggers() {
        return List.of(new EventTrigger("rds.amazonaws.com", Set.of("CreateDBCluster", "ModifyDBCluster",
                "DeleteDBCluster", "RestoreDBClusterFromSnapshot", "RestoreDBClusterToPointInTime",
                "RestoreDBClusterFromS3", "AddTagsToResource", "RemoveTagsFromResource"),
                List.of("requestParameters.dBClusterIdentifier", "requestParameters.resourceName")));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        RdsClient client = region.connection().client(RdsClient::builder, region.region());
        add(region, Faults.call("rds:DescribeDBClusters",
                () -> client.describeDBClustersPaginator(r -> r.maxRecords(100)).dbClusters().stream().toList()), into);
    }

    /** One DescribeDBClusters per named cluster; a cluster that is gone is absent. */
    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        RdsClient client = region.connection().client(RdsClient::builder, region.region());
        for (String name : names) {
            try {
                add(region, Faults.call("rds:DescribeDBClusters",
                        () -> client.describeDBClusters(r -> r.dbClusterIdentifier(name)).dbClusters()), into);
            } catch (CollectionException e) {
                if (!(e.getCause() instanceof DbClusterNotFoundException)) {
                    throw e;
                }
            }
        }
    }

    private static void add(RegionContext region, List<DBCluster> clusters, Inventory into) {
        for (DBCluster c : clusters) {
            Map<String, String> tags = c.tagList().stream()
                    .filter(t -> t.key() != null && t.value() != null)
                    .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
            into.add(new RdsCluster(region.origin(), c.dbClusterArn(), c.dbClusterIdentifier(), c.dbClusterArn(),
                    c.engine(), reported(c.deletionProtection(), "DeletionProtection"),
                    reported(c.copyTagsToSnapshot(), "CopyTagsToSnapshot"),
                    Value.known(c.backtrackWindow() == null ? 0L : c.backtrackWindow()),
                    c.backupRetentionPeriod() == null ? Value.failed("AWS did not report BackupRetentionPeriod")
                            : Value.known(c.backupRetentionPeriod().longValue()), tags));
        }
    }

    /** A flag AWS always reports; its absence is a fault of this cluster's data, not a false. */
    private static Value<Boolean> reported(Boolean flag, String field) {
        return flag == null ? Value.failed("AWS did not report " + field) : Value.known(flag);
    }
}
