package dev.vigil.rules.documentdb;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.remedy.SetDocumentDbBackupRetention;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import dev.vigil.core.rule.RuleSetting;
import dev.vigil.core.rule.Setting;
import dev.vigil.rules.Retention;

/** One check per DocumentDB cluster (a DB cluster of the RDS API with engine {@code docdb}). */
@RuleInfo(id = "DocumentDB-001", title = "DocumentDB Sufficient Backup Retention Period", risk = Risk.MEDIUM,
        categories = Category.RELIABILITY,
        compliances = {"AWAF", "HIPAA", "ISO27001", "NIST4", "NIST5", "SOC2"},
        controls = {"AWAF:REL09-BP03", "HIPAA:164.308(a)(7)(ii)(A)", "ISO27001:A.12.3.1", "NIST4:CP-9", "NIST5:CP-9",
                "NIST5:SI-12", "SOC2:A1.2"},
        service = "DocumentDB", resource = RdsCluster.class, remedy = SetDocumentDbBackupRetention.class,
        settings = @RuleSetting(name = Retention.SETTING, label = "Minimum backup retention period (days)",
                type = Setting.Type.INTEGER, value = "7", min = 1, max = 35))
public final class DocumentDbBackupRetention implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        Retention.judgeDbClusters(inventory, findings, "docdb", SetDocumentDbBackupRetention::new);
    }
}
