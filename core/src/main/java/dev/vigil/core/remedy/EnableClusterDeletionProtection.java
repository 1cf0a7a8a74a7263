package dev.vigil.core.remedy;

/** Turn on deletion protection for one DB cluster. */
@PropertyFix(nameField = "clusterId", noun = "DB cluster",
        cli = "aws rds modify-db-cluster --region {region} --db-cluster-identifier {clusterId} --deletion-protection",
        cloudFormationType = "AWS::RDS::DBCluster", cloudFormationName = "DBClusterIdentifier",
        cloudFormation = "DeletionProtection: true",
        terraformType = "aws_rds_cluster", terraformName = "cluster_identifier",
        terraform = "deletion_protection = true")
public record EnableClusterDeletionProtection(String clusterId) implements Remedy {
}
