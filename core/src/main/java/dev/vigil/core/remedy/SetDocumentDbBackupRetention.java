package dev.vigil.core.remedy;

/** Keep a DocumentDB cluster's automated backups for {@code days} days. */
@PropertyFix(nameField = "clusterId", noun = "DocumentDB cluster",
        cli = "aws docdb modify-db-cluster --region {region} --db-cluster-identifier {clusterId} "
                + "--backup-retention-period {days}",
        cloudFormationType = "AWS::DocDB::DBCluster", cloudFormationName = "DBClusterIdentifier",
        cloudFormation = "BackupRetentionPeriod: {days}",
        terraformType = "aws_docdb_cluster", terraformName = "cluster_identifier",
        terraform = "backup_retention_period = {days}")
public record SetDocumentDbBackupRetention(String clusterId, String days) implements Remedy {
}
