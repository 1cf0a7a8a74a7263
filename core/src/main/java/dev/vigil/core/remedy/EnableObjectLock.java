package dev.vigil.core.remedy;

/** Turn Object Lock on for one S3 bucket (its versioning first, which Object Lock needs). */
@PropertyFix(nameField = "bucketName", noun = "bucket",
        cli = "aws s3api put-bucket-versioning --region {region} --bucket {bucketName} \\\n"
                + "  --versioning-configuration Status=Enabled\n"
                + "aws s3api put-object-lock-configuration --region {region} --bucket {bucketName} \\\n"
                + "  --object-lock-configuration ObjectLockEnabled=Enabled",
        cloudFormationType = "AWS::S3::Bucket", cloudFormationName = "BucketName",
        cloudFormation = "VersioningConfiguration:\n  Status: Enabled\nObjectLockEnabled: true\n"
                + "ObjectLockConfiguration:\n  ObjectLockEnabled: Enabled",
        terraformType = "aws_s3_bucket_object_lock_configuration", terraformName = "bucket",
        terraformAdds = true,
        terraform = "# Needs the bucket's versioning enabled first (aws_s3_bucket_versioning, status \"Enabled\").\n"
                + "object_lock_enabled = \"Enabled\"",
        planOnly = "Object Lock cannot be turned off again once on, and from then on the bucket's versioning can never "
                + "be suspended")
public record EnableObjectLock(String bucketName) implements Remedy {
}
