package dev.vigil.core.remedy;

/**
 * Make an encrypted copy of one unencrypted manual DB snapshot (RDS-040), named {@code copyId}: RDS cannot encrypt a
 * snapshot in place, but encrypts a copy with the KMS key it is given. The original stays until its owner deletes it.
 */
@PropertyFix(nameField = "snapshotId", noun = "DB snapshot",
        cli = "aws rds copy-db-snapshot --region {region} --source-db-snapshot-identifier {snapshotId} \\\n"
                + "  --target-db-snapshot-identifier {copyId} --kms-key-id alias/aws/rds --copy-tags",
        noCloudFormation = "no CloudFormation resource type copies DB snapshots; copy it with the AWS CLI, and create "
                + "DB instances with StorageEncrypted: true so that their snapshots are encrypted",
        terraformType = "aws_db_snapshot_copy", terraformName = "source_db_snapshot_identifier", terraformAdds = true,
        terraform = "target_db_snapshot_identifier = {copyId}\nkms_key_id                    = \"alias/aws/rds\"\n"
                + "copy_tags                     = true",
        planOnly = "a DB snapshot is encrypted by copying it, and Vigil never deletes the unencrypted original; make "
                + "the copy, then delete the original yourself once nothing needs it")
public record CopyDbSnapshotEncrypted(String snapshotId, String copyId) implements Remedy {
}
