package dev.vigil.core.remedy;

/** Keep a Neptune cluster's automated backups for {@code days} days. */
@PropertyFix(nameField = "clusterId", noun = "Neptune cluster",
        cli = "aws neptune modify-db-cluster --region {region} --db-cluster-identifier {clusterId} "
                + "--backup-retention-period {days}",
        cloudFormationType = "AWS::Neptune::DBCluster", cloudFormationName = "DBClusterIdentifier",
        cloudFormation = "BackupRetentionPeriod: {days}",
        terraformType = "aws_neptune_cluster", terraformName = "cluster_identifier",
        terraform = "backup_retention_period = {days}")
public record SetNeptuneBackupRetention(String clusterId, String days) implements Remedy {
}
