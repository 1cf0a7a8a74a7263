package dev.vigil.rules.backup;

import dev.vigil.core.model.BackupRegionSettings;
import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.remedy.ProtectClusterWithBackupPlan;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One check per Aurora DB cluster: the cluster counterpart of Backup-001, whose selection semantics it shares
 * ({@link Coverage}), with Aurora's own service opt-in. Coverage is decided by plan assignment alone: AWS Backup's
 * cluster snapshots would take DescribeDBClusterSnapshots, a call no rule makes. A cluster whose engine a template
 * does not state may or may not be Aurora: UNKNOWN.
 */
@RuleInfo(id = "Vigil-Backup-003", title = "AWS Backup in Use for Amazon Aurora", risk = Risk.LOW,
        categories = Category.RELIABILITY, compliances = {"AWAF", "NIST5"},
        controls = {"AWAF:REL09-BP03", "NIST5:CP-9"}, service = "Backup",
        resource = RdsCluster.class, reads = {BackupSelection.class, BackupRegionSettings.class},
        remedy = ProtectClusterWithBackupPlan.class)
public final class AwsBackupForAurora implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        Map<String, List<BackupSelection>> selections = inventory.all(BackupSelection.class).stream()
                .collect(Collectors.groupingBy(s -> s.origin().scope()));
        Map<String, List<BackupRegionSettings>> settings = inventory.all(BackupRegionSettings.class).stream()
                .collect(Collectors.groupingBy(s -> s.origin().scope()));
        for (RdsCluster cluster : inventory.all(RdsCluster.class)) {
            if (cluster.engine() == null) {
                findings.unknown(cluster, "The source does not state the cluster's engine, so whether it is an "
                        + "Aurora cluster (AWS Backup's Aurora resource type) cannot be known");
                continue;
            }
            if (!cluster.isAurora()) {
                continue;
            }
            String scope = cluster.origin().scope();
            Coverage coverage = Coverage.of(Target.of(cluster), selections.getOrDefault(scope, List.of()), Set.of(),
                    Coverage.optIn(settings.getOrDefault(scope, List.of()), BackupRegionSettings.AURORA));
            switch (coverage.status()) {
                case PROTECTED -> findings.pass(cluster, "AWS Backup protects this Aurora cluster: " + coverage.detail());
                case UNKNOWN -> findings.unknown(cluster, "Backup selection cannot be resolved: " + coverage.detail());
                case ERROR -> findings.error(cluster, "AWS Backup coverage cannot be decided: " + coverage.detail());
                case NOT_PROTECTED -> findings.fail(cluster, "No AWS Backup plan covers this Aurora cluster"
                                + (coverage.detail() == null ? "" : " (" + coverage.detail() + ")"),
                        new ProtectClusterWithBackupPlan(cluster.arn(), cluster.name()));
            }
        }
    }
}
