package dev.vigil.rules.s3;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.model.S3Bucket.Versioning;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableBucketVersioning;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/** One check per bucket: versioning must be on; suspended counts as off for new writes. */
@RuleInfo(id = "S3-012", title = "S3 Bucket Versioning Enabled", risk = Risk.LOW,
        categories = Category.RELIABILITY, compliances = {"NIST4", "NIST5"},
        controls = {"NIST4:CP-9", "NIST4:CP-10", "NIST5:CP-9", "NIST5:CP-10", "NIST5:SI-12"},
        service = "S3", resource = S3Bucket.class, fields = "versioning", remedy = EnableBucketVersioning.class)
public final class S3BucketVersioning implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (S3Bucket bucket : inventory.all(S3Bucket.class)) {
            if (findings.unresolved(bucket, bucket.versioning(), "Versioning")) {
                continue;
            }
            switch (((Value.Known<Versioning>) bucket.versioning()).value()) {
                case ENABLED -> findings.pass(bucket, "Versioning is enabled");
                case SUSPENDED -> findings.fail(bucket, "Versioning is suspended: objects overwritten or deleted from "
                        + "now on cannot be recovered", new EnableBucketVersioning(bucket.name()));
                case UNVERSIONED -> findings.fail(bucket, "Versioning is not enabled: an overwritten or deleted "
                        + "object cannot be recovered", new EnableBucketVersioning(bucket.name()));
            }
        }
    }
}
