package dev.vigil.core.remedy;

/**
 * Make an encrypted copy of one unencrypted EBS snapshot (EBS-011): EBS cannot encrypt a snapshot in place. The
 * original stays until its owner deletes it, so the check keeps failing until then (its {@code planOnly} reason).
 */
@PropertyFix(nameField = "snapshotId", noun = "EBS snapshot",
        cli = "aws ec2 copy-snapshot --region {region} --source-region {region} --source-snapshot-id {snapshotId} \\\n"
                + "  --encrypted --description 'Encrypted copy made for EBS-011'",
        noCloudFormation = "no CloudFormation resource type copies EBS snapshots; copy it with the AWS CLI, and "
                + "encrypt the volumes (AWS::EC2::Volume Encrypted: true) so that their next snapshots are encrypted",
        terraformType = "aws_ebs_snapshot_copy", terraformName = "source_snapshot_id", terraformAdds = true,
        terraform = "source_region = {region}\nencrypted     = true",
        planOnly = "a snapshot is encrypted by copying it, and Vigil never deletes the unencrypted original; make the "
                + "copy, move what refers to the original over to it, then delete the original yourself")
public record CopySnapshotEncrypted(String snapshotId) implements Remedy {
}
