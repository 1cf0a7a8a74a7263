package dev.vigil.core.remedy;

/** Delete one EBS snapshot older than the rule allows (EBS-005); Vigil never makes this change itself. */
@PropertyFix(nameField = "snapshotId", noun = "EBS snapshot",
        cli = "# deletes the snapshot for good: keep it if a retention rule still needs it\n"
                + "aws ec2 delete-snapshot --region {region} --snapshot-id {snapshotId}",
        noCloudFormation = "no CloudFormation resource type manages EBS snapshots; delete it with the AWS CLI, and let "
                + "the retain rules of an AWS::DLM::LifecyclePolicy expire scheduled snapshots",
        noTerraform = "delete it with the AWS CLI, or remove the aws_ebs_snapshot resource that manages it; let the "
                + "retain_rule of an aws_dlm_lifecycle_policy expire scheduled snapshots",
        planOnly = "deleting a snapshot destroys it for good, so Vigil never does it; delete it yourself once no "
                + "retention rule needs it")
public record DeleteSnapshot(String snapshotId) implements Remedy {
}
