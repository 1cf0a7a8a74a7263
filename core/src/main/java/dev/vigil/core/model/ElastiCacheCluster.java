package dev.vigil.core.model;

/**
 * What ElastiCache backs up as one unit: a replication group (Valkey or Redis OSS, cluster mode on or off), or a
 * cache cluster outside any replication group. Cache clusters that belong to a replication group are not resources
 * of their own here: their group is. Tags are left out (ElastiCache returns them only one resource per call).
 *
 * @param type                   which of the two it is; remedies and the AWS API address them differently
 * @param engine                 {@code valkey}, {@code redis} or {@code memcached} (which has no backups); null when a
 *                               template does not say
 * @param snapshotRetentionLimit days automatic backups are kept; 0 when automatic backups are off
 */
public record ElastiCacheCluster(Origin origin, String id, String name, String arn, Type type, String engine,
                                 Value<Long> snapshotRetentionLimit) implements Resource {

    /** The two ElastiCache resources that carry backup settings. */
    public enum Type { REPLICATION_GROUP, CACHE_CLUSTER }

    /** Memcached keeps no data worth backing up and ElastiCache cannot back it up. */
    public boolean canBackUp() {
        return !"memcached".equals(engine);
    }
}
