package dev.vigil.aws.collect;

import dev.vigil.core.model.ElastiCacheCluster;
import dev.vigil.core.model.ElastiCacheCluster.Type;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.List;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.DescribeCacheClustersResponse;
import software.amazon.awssdk.services.elasticache.model.DescribeReplicationGroupsResponse;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;

/**
 * Replication groups from DescribeReplicationGroups and cache clusters from DescribeCacheClusters (both paginated,
 * 100 a page): two calls per region, whatever the number of caches. Cache clusters inside a replication group are
 * dropped (the group carries the backup settings). Tags are not read: ElastiCache gives them one resource per
 * ListTagsForResource call, which no rule needs. A re-check reads the region again (two calls; events name a group
 * or a cluster without saying which) and keeps the named ones (Collector's default). An entry without the
 * identifier or ARN AWS always sends cannot be judged: the others are kept and the listing is a fault.
 */
public final class ElastiCacheClusterCollector implements Collector {

    static final String GROUPS = "elasticache:DescribeReplicationGroups";
    static final String CLUSTERS = "elasticache:DescribeCacheClusters";
    private static final Pages<DescribeReplicationGroupsResponse, ReplicationGroup> GROUP_PAGES = new Pages<>(GROUPS,
            "ReplicationGroups", DescribeReplicationGroupsResponse::hasReplicationGroups,
            DescribeReplicationGroupsResponse::replicationGroups, DescribeReplicationGroupsResponse::marker);
    private static final Pages<DescribeCacheClustersResponse, CacheCluster> CLUSTER_PAGES = new Pages<>(CLUSTERS,
            "CacheClusters", DescribeCacheClustersResponse::hasCacheClusters,
            DescribeCacheClustersResponse::cacheClusters, DescribeCacheClustersResponse::marker);

    @Override
    public Class<? extends Resource> kind() {
        return ElastiCacheCluster.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of(CLUSTERS, GROUPS);
    }

    @Override
    public List<EventTrigger> triggers() {
        // Region-wide: a replication group and its member cache clusters name each other, and the region's two
        // listings are what a named re-read would cost anyway.
        return List.of(EventTrigger.regionWide("elasticache.amazonaws.com", "CreateReplicationGroup",
                "ModifyReplicationGroup", "DeleteReplicationGroup", "CreateCacheCluster", "ModifyCacheCluster",
                "DeleteCacheCluster"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        ElastiCacheClient client = region.connection().client(ElastiCacheClient::builder, region.region());
        List<ReplicationGroup> groups = GROUP_PAGES.all(client.describeReplicationGroupsPaginator(
                r -> r.maxRecords(100)));
        List<CacheCluster> clusters = CLUSTER_PAGES.all(client.describeCacheClustersPaginator(r -> r.maxRecords(100)));
        int unnamedGroups = 0;
        for (ReplicationGroup g : groups) {
            if (g.replicationGroupId() == null || g.arn() == null) {
                unnamedGroups++;
                continue;
            }
            // replication groups exist only for Valkey and Redis OSS; responses from before Valkey omit the engine
            into.add(new ElastiCacheCluster(region.origin(), g.arn(), g.replicationGroupId(), g.arn(),
                    Type.REPLICATION_GROUP, g.engine() == null ? "redis" : g.engine(),
                    limit(g.snapshotRetentionLimit(), true)));
        }
        int unnamedClusters = 0;
        for (CacheCluster c : clusters) {
            if (c.cacheClusterId() == null || c.arn() == null) {
                unnamedClusters++;
            } else if (c.replicationGroupId() == null) {
                into.add(new ElastiCacheCluster(region.origin(), c.arn(), c.cacheClusterId(), c.arn(),
                        Type.CACHE_CLUSTER, c.engine(),
                        limit(c.snapshotRetentionLimit(), !"memcached".equals(c.engine()))));
            }
        }
        incomplete(GROUPS, unnamedGroups, "replication group(s) without the ReplicationGroupId or ARN");
        incomplete(CLUSTERS, unnamedClusters, "cache cluster(s) without the CacheClusterId or ARN");
    }

    /** Entries without what AWS always sends cannot be judged: a fault of the listing that returned them. */
    private static void incomplete(String operation, int count, String what) {
        if (count > 0) {
            throw new CollectionException(operation, "AWS answered " + count + " " + what
                    + " it always sends; they cannot be judged");
        }
    }

    /** The retention limit; AWS always reports it for engines that can back up, and never for Memcached. */
    private static Value<Long> limit(Integer days, boolean reported) {
        if (days != null) {
            return Value.known(days.longValue());
        }
        return reported ? Value.failed("AWS did not report SnapshotRetentionLimit") : Value.known(0L);
    }
}
