package dev.vigil.rules.s3;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.model.S3Bucket.Versioning;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableMfaDelete;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/**
 * One check per bucket whose source can state MFA delete: CloudFormation cannot, so its buckets get no check (see
 * the article).
 */
@RuleInfo(id = "S3-013", title = "S3 Bucket MFA Delete Enabled", risk = Risk.LOW,
        categories = Category.SECURITY, compliances = {"CISAWSF", "NIST4", "NIST5"},
        controls = {"CISAWSF:2.1.2", "NIST4:IA-2(1)", "NIST5:IA-2(1)"},
        service = "S3", resource = S3Bucket.class, fields = {"versioning", "mfaDelete"},
        remedy = EnableMfaDelete.class)
public final class S3BucketMfaDelete implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (S3Bucket bucket : inventory.all(S3Bucket.class)) {
            if (bucket.mfaDelete() == null || findings.unresolved(bucket, bucket.mfaDelete(), "MFA delete")) {
                continue;
            }
            if (((Value.Known<Boolean>) bucket.mfaDelete()).value()) {
                findings.pass(bucket, "MFA delete is enabled");
                continue;
            }
            String versioning = bucket.versioning() instanceof Value.Known<Versioning> k && k.value() != Versioning.ENABLED
                    ? " (and versioning, which MFA delete needs, is not enabled)" : "";
            findings.fail(bucket, "MFA delete is not enabled: object versions can be deleted without a second factor"
                    + versioning, new EnableMfaDelete(bucket.name()));
        }
    }
}
