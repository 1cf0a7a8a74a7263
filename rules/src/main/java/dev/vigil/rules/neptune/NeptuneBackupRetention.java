package dev.vigil.rules.neptune;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.remedy.SetNeptuneBackupRetention;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import dev.vigil.core.rule.RuleSetting;
import dev.vigil.core.rule.Setting;
import dev.vigil.rules.Retention;

/** One check per Neptune cluster (a DB cluster of the RDS API with engine {@code neptune}). */
@RuleInfo(id = "Neptune-003", title = "Neptune Sufficient Backup Retention Period", risk = Risk.MEDIUM,
        categories = Category.RELIABILITY,
        compliances = {"AWAF", "HIPAA", "ISO27001", "NIST4", "NIST5", "SOC2"},
        controls = {"AWAF:REL09-BP03", "HIPAA:164.308(a)(7)(ii)(A)", "ISO27001:A.12.3.1", "NIST4:CP-9", "NIST5:CP-9",
                "NIST5:SI-12", "SOC2:A1.2"},
        service = "Neptune", resource = RdsCluster.class, remedy = SetNeptuneBackupRetention.class,
        settings = @RuleSetting(name = Retention.SETTING, label = "Minimum backup retention period (days)",
                type = Setting.Type.INTEGER, value = "7", min = 1, max = 35))
public final class NeptuneBackupRetention implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        Retention.judgeDbClusters(inventory, findings, "neptune", SetNeptuneBackupRetention::new);
    }
}
