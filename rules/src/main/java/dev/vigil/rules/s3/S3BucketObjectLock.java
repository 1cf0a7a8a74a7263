package dev.vigil.rules.s3;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableObjectLock;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/** One check per bucket: Object Lock must be on. */
@RuleInfo(id = "S3-023", title = "S3 Object Lock", risk = Risk.LOW,
        categories = Category.SECURITY, compliances = {"NIST4", "NIST5"},
        controls = {"NIST4:SC-28", "NIST5:SC-28", "NIST5:SI-12"},
        service = "S3", resource = S3Bucket.class, fields = "objectLock", remedy = EnableObjectLock.class)
public final class S3BucketObjectLock implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (S3Bucket bucket : inventory.all(S3Bucket.class)) {
            if (findings.unresolved(bucket, bucket.objectLock(), "Object Lock")) {
                continue;
            }
            if (((Value.Known<Boolean>) bucket.objectLock()).value()) {
                findings.pass(bucket, "Object Lock is enabled");
            } else {
                findings.fail(bucket, "Object Lock is not enabled: object versions can be deleted or overwritten "
                        + "by anyone allowed to", new EnableObjectLock(bucket.name()));
            }
        }
    }
}
