package dev.vigil.report;

import dev.vigil.core.model.BackupPlan;
import dev.vigil.core.model.BackupVault;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.EbsSnapshot;
import dev.vigil.core.model.EbsVolume;
import dev.vigil.core.model.ElastiCacheCluster;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.RdsManualSnapshot;
import dev.vigil.core.model.RedshiftCluster;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.S3Bucket;
import java.util.Map;

/**
 * How finding formats name a kind of resource: ASFF's resource type ({@code AwsDynamoDbTable}, "Other" when ASFF
 * has none) and the AWS type name ({@code AWS::DynamoDB::Table}), which OCSF consumers such as AWS Security Hub use.
 */
record ResourceType(String asff, String cloudFormation) {

    static final ResourceType ACCOUNT = new ResourceType("AwsAccount", "AWS::::Account");
    private static final ResourceType OTHER = new ResourceType("Other", "Other");

    private static final Map<Class<? extends Resource>, ResourceType> KINDS = Map.ofEntries(
            Map.entry(DynamoDbTable.class, new ResourceType("AwsDynamoDbTable", "AWS::DynamoDB::Table")),
            Map.entry(RdsInstance.class, new ResourceType("AwsRdsDbInstance", "AWS::RDS::DBInstance")),
            Map.entry(RdsCluster.class, new ResourceType("AwsRdsDbCluster", "AWS::RDS::DBCluster")),
            Map.entry(EbsVolume.class, new ResourceType("AwsEc2Volume", "AWS::EC2::Volume")),
            Map.entry(EbsSnapshot.class, new ResourceType("Other", "AWS::EC2::Snapshot")),   // ASFF has no snapshot type
            Map.entry(RdsManualSnapshot.class, new ResourceType("AwsRdsDbSnapshot", "AWS::RDS::DBSnapshot")),
            Map.entry(S3Bucket.class, new ResourceType("AwsS3Bucket", "AWS::S3::Bucket")),
            // the cluster family; ASFF has no ElastiCache type, and most caches that back up are replication groups
            Map.entry(ElastiCacheCluster.class, new ResourceType("Other", "AWS::ElastiCache::ReplicationGroup")),
            Map.entry(RedshiftCluster.class, new ResourceType("AwsRedshiftCluster", "AWS::Redshift::Cluster")),
            Map.entry(BackupVault.class, new ResourceType("AwsBackupBackupVault", "AWS::Backup::BackupVault")),
            Map.entry(BackupPlan.class, new ResourceType("AwsBackupBackupPlan", "AWS::Backup::BackupPlan")));
    /** The other type of {@link RdsManualSnapshot}, told apart by the resource's ARN or Terraform type. */
    private static final ResourceType DB_CLUSTER_SNAPSHOT = new ResourceType("AwsRdsDbClusterSnapshot",
            "AWS::RDS::DBClusterSnapshot");

    static ResourceType of(Class<? extends Resource> kind, String resource) {
        if (kind == RdsManualSnapshot.class
                && (resource.contains(":cluster-snapshot:") || resource.startsWith("aws_db_cluster_snapshot."))) {
            return DB_CLUSTER_SNAPSHOT;
        }
        return KINDS.getOrDefault(kind, OTHER);
    }

    static boolean known(Class<? extends Resource> kind) {
        return KINDS.containsKey(kind);
    }
}
