package dev.vigil.aws.collect;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;

/**
 * DB clusters from DescribeDBClusters (paginated, 100 a page): Aurora, Multi-AZ, DocumentDB and Neptune clusters
 * all come from this one call, with every field the cluster rules read and their tags; no per-cluster call. A
 * re-check of named clusters (a fix's or an event's) filters on
 * {@code db-cluster-id} (identifiers or ARNs, 100 a call), so a cluster that is gone is simply absent. An entry
 * without the identifier or ARN AWS always sends cannot be judged: the others are kept and the listing is a fault.
 */
public final class RdsClusterCollector implements Collector {

    static final String OPERATION = "rds:DescribeDBClusters";
    /** RDS takes up to 100 values per filter. */
    static final int FILTER_VALUES = 100;
    private static final Pages<DescribeDbClustersResponse, DBCluster> PAGES = new Pages<>(OPERATION, "DBClusters",
            DescribeDbClustersResponse::hasDbClusters, DescribeDbClustersResponse::dbClusters,
            DescribeDbClustersResponse::marker);

    @Override
    public Class<? extends Resource> kind() {
        return RdsCluster.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of(OPERATION);
    }

    /** RDS keeps identifiers in lower case; ARNs name a cluster as {@code cluster:NAME}. */
    static final EventTrigger.Names CLUSTERS = new EventTrigger.Names("cluster:", true);

    @Override
    public List<EventTrigger> triggers() {
        return List.of(EventTrigger.named("rds.amazonaws.com", CLUSTERS, List.of("requestParameters.dBClusterIdentifier",
                        "requestParameters.newDBClusterIdentifier", "requestParameters.resourceName"),
                "CreateDBCluster", "ModifyDBCluster", "DeleteDBCluster", "RestoreDBClusterFromSnapshot",
                "RestoreDBClusterToPointInTime", "RestoreDBClusterFromS3", "AddTagsToResource",
                "RemoveTagsFromResource"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        add(region, describe(region, r -> { }), into);
    }

    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        List<String> ids = List.copyOf(names);
        List<DBCluster> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += FILTER_VALUES) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + FILTER_VALUES));
            found.addAll(describe(region, r -> r.filters(f -> f.name("db-cluster-id").values(chunk))));
        }
        add(region, found, into);
    }

    private static List<DBCluster> describe(RegionContext region, Consumer<DescribeDbClustersRequest.Builder> request) {
        RdsClient client = region.connection().client(RdsClient::builder, region.region());
        return PAGES.all(client.describeDBClustersPaginator(r -> request.accept(r.maxRecords(100))));
    }

    /** Adds every cluster that can be judged, then fails the listing if AWS left any unnamed. */
    private static void add(RegionContext region, List<DBCluster> clusters, Inventory into) {
        int incomplete = 0;
        for (DBCluster c : clusters) {
            if (c.dbClusterIdentifier() == null || c.dbClusterArn() == null) {
                incomplete++;
                continue;
            }
            into.add(new RdsCluster(region.origin(), c.dbClusterArn(), c.dbClusterIdentifier(), c.dbClusterArn(),
                    c.engine(), Reported.value(c.deletionProtection(), "DeletionProtection"),
                    Reported.value(c.copyTagsToSnapshot(), "CopyTagsToSnapshot"),
                    Value.known(c.backtrackWindow() == null ? 0L : c.backtrackWindow()),
                    Reported.value(c.backupRetentionPeriod() == null ? null : c.backupRetentionPeriod().longValue(),
                            "BackupRetentionPeriod"), RdsInstanceCollector.tags(c.tagList())));
        }
        if (incomplete > 0) {
            throw new CollectionException(OPERATION, "AWS answered " + incomplete + " DB cluster(s) without the "
                    + "DBClusterIdentifier or DBClusterArn it always sends; they cannot be judged");
        }
    }
}
