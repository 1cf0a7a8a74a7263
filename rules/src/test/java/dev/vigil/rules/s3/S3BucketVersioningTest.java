package dev.vigil.rules.s3;

import static dev.vigil.rules.Fixtures.bucketArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.model.S3Bucket.Lifecycle;
import dev.vigil.core.model.S3Bucket.Versioning;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableBucketVersioning;
import dev.vigil.rules.Fixtures;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3BucketVersioningTest {

    private static S3Bucket bucket(String name, Value<Versioning> versioning) {
        return Fixtures.bucket("eu-west-1", name, versioning, Value.known(false), Value.known(Lifecycle.NONE),
                Value.known(false));
    }

    @Test
    void enabledPassesSuspendedAndUnversionedFailUnreadIsAnError() {
        RuleTester t = RuleTester.rule(new S3BucketVersioning())
                .given(bucket("on", Value.known(Versioning.ENABLED)), bucket("paused", Value.known(Versioning.SUSPENDED)),
                        Fixtures.bucket("eu-west-1", "never"),
                        bucket("denied", Value.failed("s3:GetBucketVersioning failed: AccessDenied: Access Denied")),
                        bucket("templated", Value.unknown("var.status")))
                .evaluate()
                .statuses(Map.of(bucketArn("on"), Status.SUCCESS, bucketArn("paused"), Status.FAILURE,
                        bucketArn("never"), Status.FAILURE, bucketArn("denied"), Status.ERROR,
                        bucketArn("templated"), Status.UNKNOWN));
        assertThat(t.check(bucketArn("paused")).message()).contains("suspended");
        assertThat(t.check(bucketArn("never")).remedy()).isEqualTo(new EnableBucketVersioning("never"));
        assertThat(t.check(bucketArn("denied")).message()).contains("AccessDenied");
        assertThat(t.check(bucketArn("templated")).message()).contains("var.status");
    }

    @Test
    void cloudFormationBucketsAreJudgedByTheirVersioningConfiguration() {
        RuleTester t = RuleTester.rule(new S3BucketVersioning())
                .givenCloudFormation("s3-buckets.yaml")
                .evaluate()
                .statuses(Map.of("Plain", Status.FAILURE, "Versioned", Status.SUCCESS, "Suspended", Status.FAILURE,
                        "Locked", Status.SUCCESS, "LockedByConfiguration", Status.SUCCESS,
                        "FromParameter", Status.UNKNOWN, "Misspelt", Status.ERROR));
        assertThat(t.check("Versioned").resourceName()).isEqualTo("orders-archive");
        assertThat(t.check("Plain").remedy()).isEqualTo(new EnableBucketVersioning("Plain"));
        assertThat(t.check("FromParameter").message()).contains("!Ref VersioningStatus");
        assertThat(t.check("Misspelt").message()).contains("VersioningConfiguration.Status is 'On'");
    }

    @Test
    void terraformVersioningResourcesAreJoinedToTheirBucketByIdByNameAndPerInstance() {
        RuleTester t = RuleTester.rule(new S3BucketVersioning())
                .givenTerraform("s3-buckets")
                .evaluate()
                .statuses(Map.of("aws_s3_bucket.by_id", Status.SUCCESS, "aws_s3_bucket.by_name", Status.FAILURE,
                        "aws_s3_bucket.counted[0]", Status.SUCCESS, "aws_s3_bucket.counted[1]", Status.SUCCESS,
                        "aws_s3_bucket.each[\"eu\"]", Status.SUCCESS, "aws_s3_bucket.each[\"us\"]", Status.FAILURE,
                        "aws_s3_bucket.plain", Status.FAILURE));
        assertThat(t.check("aws_s3_bucket.by_name").message()).contains("suspended");
        assertThat(t.check("aws_s3_bucket.each[\"us\"]").resourceName()).isEqualTo("media-us");
    }

    @Test
    void terraformInlineVersioningBlocksCountAndObjectLockImpliesVersioning() {
        RuleTester.rule(new S3BucketVersioning())
                .givenTerraform("s3-inline")
                .evaluate()
                .statuses(Map.of("aws_s3_bucket.inline", Status.SUCCESS, "aws_s3_bucket.inline_lock", Status.SUCCESS,
                        "aws_s3_bucket.unnamed", Status.FAILURE));
    }

    @Test
    void aVersioningResourceNamingAnUndecidedBucketLeavesTheBucketsItMayConfigureUnknown() {
        RuleTester t = RuleTester.rule(new S3BucketVersioning())
                .givenTerraform("s3-undecided")
                .evaluate()
                .statuses(Map.of("aws_s3_bucket.data", Status.UNKNOWN));
        assertThat(t.check("aws_s3_bucket.data").message())
                .contains("aws_s3_bucket_versioning.somewhere names var.bucket_name");
    }
}
