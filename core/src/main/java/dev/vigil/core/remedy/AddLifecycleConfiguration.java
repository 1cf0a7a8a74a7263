package dev.vigil.core.remedy;

/**
 * Give one S3 bucket a lifecycle configuration. The emitted rule is an example that only cleans up incomplete
 * multipart uploads after 7 days; transitions and expirations are for the owner of the data to choose.
 */
@PropertyFix(nameField = "bucketName", noun = "bucket",
        cli = "# An example rule: adapt it (transitions, expirations) to how long this data must be kept.\n"
                + "aws s3api put-bucket-lifecycle-configuration --region {region} --bucket {bucketName} \\\n"
                + "  --lifecycle-configuration '{\"Rules\":[{\"ID\":\"vigil-example\",\"Status\":\"Enabled\","
                + "\"Filter\":{},\"AbortIncompleteMultipartUpload\":{\"DaysAfterInitiation\":7}}]}'",
        cloudFormationType = "AWS::S3::Bucket", cloudFormationName = "BucketName",
        cloudFormation = "# An example rule: adapt it (transitions, expirations) to how long this data must be kept.\n"
                + "LifecycleConfiguration:\n  Rules:\n    - Id: vigil-example\n      Status: Enabled\n"
                + "      AbortIncompleteMultipartUpload:\n        DaysAfterInitiation: 7",
        terraformType = "aws_s3_bucket_lifecycle_configuration", terraformName = "bucket", terraformAdds = true,
        terraform = "# An example rule: adapt it (transitions, expirations) to how long this data must be kept.\n"
                + "rule {\n  id     = \"vigil-example\"\n  status = \"Enabled\"\n  filter {}\n"
                + "  abort_incomplete_multipart_upload {\n    days_after_initiation = 7\n  }\n}",
        planOnly = "which objects to move to cheaper storage or to expire, and when, is a decision about the data; "
                + "the emitted forms carry an example rule to adapt")
public record AddLifecycleConfiguration(String bucketName) implements Remedy {
}
