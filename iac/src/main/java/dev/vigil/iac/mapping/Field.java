package dev.vigil.iac.mapping;

/**
 * Where one model field is written in each template language: a CloudFormation property path and a Terraform
 * argument path, segments separated by dots ({@code PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled},
 * {@code point_in_time_recovery.enabled}: a Terraform segment may name a nested block, of which the first counts).
 * A language without such a property has null there (Terraform's {@code aws_s3_bucket_versioning} has no
 * CloudFormation counterpart): reading it gives what an absent property gives.
 */
public record Field(String cloudFormation, String terraform) {
}
