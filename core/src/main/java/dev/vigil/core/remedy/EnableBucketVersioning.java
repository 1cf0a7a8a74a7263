package dev.vigil.core.remedy;

/** Turn versioning on for one S3 bucket. */
@PropertyFix(nameField = "bucketName", noun = "bucket",
        cli = "aws s3api put-bucket-versioning --region {region} --bucket {bucketName} \\\n"
                + "  --versioning-configuration Status=Enabled",
        cloudFormationType = "AWS::S3::Bucket", cloudFormationName = "BucketName",
        cloudFormation = "VersioningConfiguration:\n  Status: Enabled",
        terraformType = "aws_s3_bucket_versioning", terraformName = "bucket", terraformAdds = true,
        terraform = "versioning_configuration {\n  status = \"Enabled\"\n}")
public record EnableBucketVersioning(String bucketName) implements Remedy {
}
