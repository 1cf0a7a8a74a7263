package dev.vigil.core.remedy;

/**
 * Remove the group {@code all} from one EBS snapshot's createVolumePermission (EBS-009), so that only the owner and
 * the accounts it was shared with one by one can restore it. Reversible by adding the group back.
 */
@PropertyFix(nameField = "snapshotId", noun = "EBS snapshot",
        cli = "aws ec2 modify-snapshot-attribute --region {region} --snapshot-id {snapshotId} \\\n"
                + "  --attribute createVolumePermission --operation-type remove --group-names all",
        noCloudFormation = "no CloudFormation resource type sets who may restore an EBS snapshot; make it private "
                + "with the AWS CLI, and turn on block public access for snapshots "
                + "(AWS::EC2::SnapshotBlockPublicAccess) so that it cannot happen again",
        noTerraform = "Terraform's AWS provider shares snapshots only with single accounts "
                + "(aws_snapshot_create_volume_permission) and cannot remove public sharing; make it private with the "
                + "AWS CLI, and set aws_ebs_snapshot_block_public_access so that it cannot happen again")
public record MakeSnapshotPrivate(String snapshotId) implements Remedy {
}
