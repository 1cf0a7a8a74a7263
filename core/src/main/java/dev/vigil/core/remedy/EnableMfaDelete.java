package dev.vigil.core.remedy;

/** Require the root user's MFA code to delete object versions of one S3 bucket or to change its versioning. */
@PropertyFix(nameField = "bucketName", noun = "bucket",
        cli = "# As the root user; set ROOT_MFA to its MFA device's serial number (ARN), a space and the current code.\n"
                + "aws s3api put-bucket-versioning --region {region} --bucket {bucketName} \\\n"
                + "  --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa \"$ROOT_MFA\"",
        noCloudFormation = "CloudFormation cannot set MFA delete; deploy the bucket versioned, then run the AWS CLI "
                + "command ('vigil fix --emit cli') as the root user",
        terraformType = "aws_s3_bucket_versioning", terraformName = "bucket", terraformAdds = true,
        terraform = "# Applied with the root user's credentials; var.root_mfa is its MFA device's serial number (ARN),\n"
                + "# a space and the current code.\n"
                + "mfa = var.root_mfa\n"
                + "versioning_configuration {\n  status     = \"Enabled\"\n  mfa_delete = \"Enabled\"\n}",
        planOnly = "MFA delete can be turned on only with the root user's credentials and the current code of its MFA "
                + "device, which Vigil never holds")
public record EnableMfaDelete(String bucketName) implements Remedy {
}
