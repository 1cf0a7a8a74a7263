package dev.vigil.core.remedy;

/** Take automatic daily backups of an ElastiCache replication group and keep them {@code days} days. */
@PropertyFix(nameField = "replicationGroupId", noun = "replication group",
        cli = "aws elasticache modify-replication-group --region {region} --replication-group-id {replicationGroupId} "
                + "--snapshot-retention-limit {days}",
        cloudFormationType = "AWS::ElastiCache::ReplicationGroup", cloudFormationName = "ReplicationGroupId",
        cloudFormation = "SnapshotRetentionLimit: {days}",
        terraformType = "aws_elasticache_replication_group", terraformName = "replication_group_id",
        terraform = "snapshot_retention_limit = {days}")
public record SetReplicationGroupSnapshotRetention(String replicationGroupId, String days) implements Remedy {
}
