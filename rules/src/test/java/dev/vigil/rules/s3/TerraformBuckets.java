package dev.vigil.rules.s3;

import dev.vigil.core.check.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The buckets of the Terraform fixtures s3-buckets and s3-inline, for the S3 rules' tests. */
final class TerraformBuckets {

    static final List<String> ADDRESSES = List.of("aws_s3_bucket.by_id", "aws_s3_bucket.by_name",
            "aws_s3_bucket.counted[0]", "aws_s3_bucket.counted[1]", "aws_s3_bucket.each[\"eu\"]",
            "aws_s3_bucket.each[\"us\"]", "aws_s3_bucket.plain", "aws_s3_bucket.inline", "aws_s3_bucket.inline_lock",
            "aws_s3_bucket.unnamed");

    private TerraformBuckets() {
    }

    /** Every bucket of both fixtures failing, but those given. */
    static Map<String, Status> failingBut(Map<String, Status> others) {
        Map<String, Status> statuses = new LinkedHashMap<>();
        ADDRESSES.forEach(a -> statuses.put(a, Status.FAILURE));
        statuses.putAll(others);
        return statuses;
    }
}
