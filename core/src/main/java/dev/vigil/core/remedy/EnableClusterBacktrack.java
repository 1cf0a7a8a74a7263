package dev.vigil.core.remedy;

/**
 * Give an Aurora MySQL cluster a backtrack window. AWS accepts one only when a cluster is created or restored, so
 * for a running cluster this is a new cluster restored from it, to which its clients are then moved.
 *
 * @param newClusterId  the identifier of the restored cluster
 * @param windowSeconds the target backtrack window
 */
@PropertyFix(nameField = "clusterId", noun = "DB cluster",
        cli = "aws rds restore-db-cluster-to-point-in-time --region {region} --source-db-cluster-identifier {clusterId} \\\n"
                + "  --db-cluster-identifier {newClusterId} --use-latest-restorable-time --backtrack-window {windowSeconds}",
        cloudFormationType = "AWS::RDS::DBCluster", cloudFormationName = "DBClusterIdentifier",
        cloudFormation = "BacktrackWindow: {windowSeconds}",
        terraformType = "aws_rds_cluster", terraformName = "cluster_identifier",
        terraform = "backtrack_window = {windowSeconds}",
        planOnly = "AWS turns backtracking on only when a cluster is created or restored: the fix is a new cluster "
                + "restored from this one, with its own instances, endpoints and cost, to which clients must be moved; "
                + "Vigil never creates or replaces databases")
public record EnableClusterBacktrack(String clusterId, String newClusterId, String windowSeconds) implements Remedy {
}
