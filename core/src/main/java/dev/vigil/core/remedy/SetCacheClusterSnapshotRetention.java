package dev.vigil.core.remedy;

/** Take automatic daily backups of an ElastiCache cache cluster outside any replication group, kept {@code days} days. */
@PropertyFix(nameField = "cacheClusterId", noun = "cache cluster",
        cli = "aws elasticache modify-cache-cluster --region {region} --cache-cluster-id {cacheClusterId} "
                + "--snapshot-retention-limit {days}",
        cloudFormationType = "AWS::ElastiCache::CacheCluster", cloudFormationName = "ClusterName",
        cloudFormation = "SnapshotRetentionLimit: {days}",
        terraformType = "aws_elasticache_cluster", terraformName = "cluster_id",
        terraform = "snapshot_retention_limit = {days}")
public record SetCacheClusterSnapshotRetention(String cacheClusterId, String days) implements Remedy {
}
