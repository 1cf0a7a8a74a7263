package dev.vigil.rules.s3;

import static dev.vigil.rules.Fixtures.bucketArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.model.S3Bucket.Lifecycle;
import dev.vigil.core.model.S3Bucket.Versioning;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableMfaDelete;
import dev.vigil.rules.Fixtures;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3BucketMfaDeleteTest {

    private static S3Bucket bucket(String name, Versioning versioning, Value<Boolean> mfaDelete) {
        return Fixtures.bucket("us-east-1", name, Value.known(versioning), mfaDelete, Value.known(Lifecycle.NONE),
                Value.known(false));
    }

    @Test
    void mfaDeletePassesItsAbsenceFailsNamingMissingVersioning() {
        RuleTester t = RuleTester.rule(new S3BucketMfaDelete())
                .given(bucket("guarded", Versioning.ENABLED, Value.known(true)),
                        bucket("open", Versioning.ENABLED, Value.known(false)),
                        bucket("unversioned", Versioning.UNVERSIONED, Value.known(false)),
                        bucket("denied", Versioning.ENABLED, Value.failed("s3:GetBucketVersioning failed: AccessDenied")),
                        bucket("templated", Versioning.ENABLED, Value.unknown("var.mfa")),
                        bucket("cloudformation", Versioning.ENABLED, null))
                .evaluate()
                .statuses(Map.of(bucketArn("guarded"), Status.SUCCESS, bucketArn("open"), Status.FAILURE,
                        bucketArn("unversioned"), Status.FAILURE, bucketArn("denied"), Status.ERROR,
                        bucketArn("templated"), Status.UNKNOWN));
        assertThat(t.check(bucketArn("open")).message()).doesNotContain("versioning");
        assertThat(t.check(bucketArn("unversioned")).message()).contains("versioning, which MFA delete needs");
        assertThat(t.check(bucketArn("open")).remedy()).isEqualTo(new EnableMfaDelete("open"));
    }

    @Test
    void cloudFormationCannotDeclareMfaDeleteSoItsBucketsGetNoCheck() {
        RuleTester t = RuleTester.rule(new S3BucketMfaDelete()).givenCloudFormation("s3-buckets.yaml").evaluate();
        assertThat(t.result().checkList()).isEmpty();
    }

    @Test
    void terraformDeclaresMfaDeleteInTheVersioningResourceOrTheInlineBlock() {
        RuleTester.rule(new S3BucketMfaDelete())
                .givenTerraform("s3-buckets")
                .givenTerraform("s3-inline")
                .givenTerraform("s3-undecided")
                .evaluate()
                .statuses(TerraformBuckets.failingBut(Map.of("aws_s3_bucket.by_id", Status.SUCCESS,
                        "aws_s3_bucket.data", Status.UNKNOWN)));
    }
}
