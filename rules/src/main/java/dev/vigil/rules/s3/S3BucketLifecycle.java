package dev.vigil.rules.s3;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.model.S3Bucket.Lifecycle;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.AddLifecycleConfiguration;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/** One check per bucket: at least one enabled lifecycle rule; a configuration whose rules are all disabled does nothing. */
@RuleInfo(id = "S3-020", title = "S3 Bucket Lifecycle Configuration", risk = Risk.LOW,
        categories = {Category.SECURITY, Category.COST_OPTIMISATION}, compliances = {"NIST4", "NIST5"},
        controls = {"NIST4:SI-12", "NIST5:SI-12"},
        service = "S3", resource = S3Bucket.class, fields = "lifecycle", remedy = AddLifecycleConfiguration.class)
public final class S3BucketLifecycle implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (S3Bucket bucket : inventory.all(S3Bucket.class)) {
            if (findings.unresolved(bucket, bucket.lifecycle(), "Lifecycle configuration")) {
                continue;
            }
            Lifecycle lifecycle = ((Value.Known<Lifecycle>) bucket.lifecycle()).value();
            if (lifecycle.enabledRules() > 0) {
                findings.pass(bucket, lifecycle.enabledRules() + " of " + lifecycle.rules()
                        + " lifecycle rule(s) enabled");
            } else if (lifecycle.rules() > 0) {
                findings.fail(bucket, "None of the " + lifecycle.rules() + " lifecycle rule(s) is enabled",
                        new AddLifecycleConfiguration(bucket.name()));
            } else {
                findings.fail(bucket, "No lifecycle configuration: objects stay in their storage class until deleted "
                        + "by hand", new AddLifecycleConfiguration(bucket.name()));
            }
        }
    }
}
