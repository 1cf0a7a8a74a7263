package dev.vigil.core.remedy;

/**
 * Remove {@code all} from one manual DB cluster snapshot's {@code restore} attribute (RDS-023), so that only the owner
 * and the accounts it was shared with by ID can copy or restore it. Reversible by adding {@code all} back.
 */
@PropertyFix(nameField = "snapshotId", noun = "DB cluster snapshot",
        cli = "aws rds modify-db-cluster-snapshot-attribute --region {region} --db-cluster-snapshot-identifier "
                + "{snapshotId} \\\n  --attribute-name restore --values-to-remove all",
        noCloudFormation = "no CloudFormation resource type manages DB cluster snapshots or who may restore them; make "
                + "it private with the AWS CLI",
        noTerraform = "remove \"all\" from the shared_accounts of the aws_db_cluster_snapshot that declares it; a "
                + "snapshot Terraform does not manage is made private with the AWS CLI")
public record MakeDbClusterSnapshotPrivate(String snapshotId) implements Remedy {
}
