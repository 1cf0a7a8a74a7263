package dev.vigil.iac.mapping;

import dev.vigil.core.model.ElastiCacheCluster;
import dev.vigil.core.model.ElastiCacheCluster.Type;
import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Locale;

/**
 * ElastiCache replication groups ({@code AWS::ElastiCache::ReplicationGroup}, {@code aws_elasticache_replication_group})
 * and cache clusters ({@code AWS::ElastiCache::CacheCluster}, {@code aws_elasticache_cluster}). A Terraform cache
 * cluster with {@code replication_group_id} (resolved or not) is a member of that group and maps to nothing: the group carries the
 * backup settings. An absent retention limit is 0 (no automatic backups), as everywhere; an absent engine is
 * {@code redis} for a replication group and undecided for a cache cluster (where it is required).
 */
final class ElastiCacheClusterMapping {

    /** The group's own ID on a replication group; the group it joins on a Terraform cache cluster. */
    static final Field REPLICATION_GROUP_ID = new Field("ReplicationGroupId", "replication_group_id");
    static final Field CLUSTER_NAME = new Field("ClusterName", "cluster_id");
    static final Field ENGINE = new Field("Engine", "engine");
    static final Field SNAPSHOT_RETENTION = new Field("SnapshotRetentionLimit", "snapshot_retention_limit");

    private static final List<String> GROUP_TYPES = List.of("AWS::ElastiCache::ReplicationGroup",
            "aws_elasticache_replication_group");

    static final KindMapping MAPPING = new KindMapping(ElastiCacheCluster.class,
            List.of("AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster"),
            List.of("aws_elasticache_replication_group", "aws_elasticache_cluster"), ElastiCacheClusterMapping::map);

    private ElastiCacheClusterMapping() {
    }

    private static List<ElastiCacheCluster> map(Declaration d) {
        if (GROUP_TYPES.contains(d.type())) {
            String name = d.lowerCaseName(REPLICATION_GROUP_ID);
            return List.of(new ElastiCacheCluster(d.origin(), d.id(), name, d.arn("elasticache", "replicationgroup:"
                    + name), Type.REPLICATION_GROUP, engine(d, "redis"), d.integer(SNAPSHOT_RETENTION, 0)));
        }
        if (!(d.text(REPLICATION_GROUP_ID, null) instanceof Value.Known<String> member) || !member.value().isEmpty()) {
            return List.of();
        }
        String name = d.lowerCaseName(CLUSTER_NAME);
        return List.of(new ElastiCacheCluster(d.origin(), d.id(), name, d.arn("elasticache", "cluster:" + name),
                Type.CACHE_CLUSTER, engine(d, null), d.integer(SNAPSHOT_RETENTION, 0)));
    }

    /** The engine in lower case, or null when it cannot be decided (or is absent without a default). */
    private static String engine(Declaration d, String absent) {
        return d.text(ENGINE, absent) instanceof Value.Known<String> k && !k.value().isBlank()
                ? k.value().toLowerCase(Locale.ROOT) : null;
    }
}
