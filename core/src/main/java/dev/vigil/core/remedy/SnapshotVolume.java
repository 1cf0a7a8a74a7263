package dev.vigil.core.remedy;

/**
 * Take a snapshot of one EBS volume now (EBS-004). Nothing that exists changes and the snapshot can be deleted again;
 * it is tagged {@code vigil:fix=EBS-004} so it can be found. {@code maxAgeDays} is the rule's threshold: a snapshot
 * started within it means the fix is already in place.
 */
@PropertyFix(nameField = "volumeId", noun = "EBS volume",
        cli = "aws ec2 create-snapshot --region {region} --volume-id {volumeId} \\\n"
                + "  --description 'Taken by vigil fix for EBS-004' \\\n"
                + "  --tag-specifications 'ResourceType=snapshot,Tags=[{Key=vigil:fix,Value=EBS-004}]'",
        noCloudFormation = "CloudFormation has no resource type for a one-off EBS snapshot; schedule snapshots of the "
                + "volume with AWS::DLM::LifecyclePolicy or an AWS Backup plan (see 'vigil explain EBS-004')",
        terraformType = "aws_ebs_snapshot", terraformName = "volume_id", terraformAdds = true,
        terraform = "tags = {\n  \"vigil:fix\" = \"EBS-004\"\n}")
public record SnapshotVolume(String volumeId, String maxAgeDays) implements Remedy {
}
