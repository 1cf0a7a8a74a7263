package dev.vigil.core.remedy;

/** Make one Aurora or Multi-AZ DB cluster copy its tags to the snapshots taken of it. */
@PropertyFix(nameField = "clusterId", noun = "DB cluster",
        cli = "aws rds modify-db-cluster --region {region} --db-cluster-identifier {clusterId} --copy-tags-to-snapshot",
        cloudFormationType = "AWS::RDS::DBCluster", cloudFormationName = "DBClusterIdentifier",
        cloudFormation = "CopyTagsToSnapshot: true",
        terraformType = "aws_rds_cluster", terraformName = "cluster_identifier",
        terraform = "copy_tags_to_snapshot = true")
public record EnableClusterCopyTagsToSnapshot(String clusterId) implements Remedy {
}
