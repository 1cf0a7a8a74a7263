package dev.vigil.rules.redshift;

import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RedshiftCluster;
import dev.vigil.core.remedy.SetRedshiftSnapshotRetention;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import dev.vigil.core.rule.RuleSetting;
import dev.vigil.core.rule.Setting;
import dev.vigil.rules.Retention;

/** One check per provisioned Redshift cluster. The default minimum, 1 day, is Conformity's "a positive number". */
@RuleInfo(id = "RS-019", title = "Redshift Automated Snapshot Retention Period", risk = Risk.LOW,
        categories = Category.RELIABILITY,
        compliances = {"AWAF", "HIPAA", "ISO27001", "NIST4", "NIST5", "SOC2"},
        controls = {"AWAF:REL09-BP03", "HIPAA:164.308(a)(7)(ii)(A)", "ISO27001:A.12.3.1", "NIST4:CP-9", "NIST5:CP-9",
                "NIST5:SI-12", "SOC2:A1.2"},
        service = "Redshift", resource = RedshiftCluster.class, remedy = SetRedshiftSnapshotRetention.class,
        settings = @RuleSetting(name = Retention.SETTING, label = "Minimum automated snapshot retention period (days)",
                type = Setting.Type.INTEGER, value = "1", min = 1, max = 35))
public final class RedshiftSnapshotRetention implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        long minimum = findings.integer(Retention.SETTING);
        for (RedshiftCluster cluster : inventory.all(RedshiftCluster.class)) {
            Retention.judge(findings, cluster, cluster.snapshotRetentionDays(), minimum,
                    "Automated snapshot retention period", days -> new SetRedshiftSnapshotRetention(cluster.name(), days));
        }
    }
}
