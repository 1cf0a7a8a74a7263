package dev.vigil.core.remedy;

/** Keep a Redshift cluster's automated snapshots for {@code days} days. */
@PropertyFix(nameField = "clusterId", noun = "Redshift cluster",
        cli = "aws redshift modify-cluster --region {region} --cluster-identifier {clusterId} "
                + "--automated-snapshot-retention-period {days}",
        cloudFormationType = "AWS::Redshift::Cluster", cloudFormationName = "ClusterIdentifier",
        cloudFormation = "AutomatedSnapshotRetentionPeriod: {days}",
        terraformType = "aws_redshift_cluster", terraformName = "cluster_identifier",
        terraform = "automated_snapshot_retention_period = {days}")
public record SetRedshiftSnapshotRetention(String clusterId, String days) implements Remedy {
}
