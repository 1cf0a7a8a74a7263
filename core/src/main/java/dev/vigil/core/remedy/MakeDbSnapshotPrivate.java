package dev.vigil.core.remedy;

/**
 * Remove {@code all} from one manual DB snapshot's {@code restore} attribute (RDS-023), so that only the owner and the
 * accounts it was shared with by ID can copy or restore it. Reversible by adding {@code all} back.
 */
@PropertyFix(nameField = "snapshotId", noun = "DB snapshot",
        cli = "aws rds modify-db-snapshot-attribute --region {region} --db-snapshot-identifier {snapshotId} \\\n"
                + "  --attribute-name restore --values-to-remove all",
        noCloudFormation = "no CloudFormation resource type manages DB snapshots or who may restore them; make it "
                + "private with the AWS CLI",
        noTerraform = "remove \"all\" from the shared_accounts of the aws_db_snapshot or aws_db_snapshot_copy that "
                + "declares it; a snapshot Terraform does not manage is made private with the AWS CLI")
public record MakeDbSnapshotPrivate(String snapshotId) implements Remedy {
}
