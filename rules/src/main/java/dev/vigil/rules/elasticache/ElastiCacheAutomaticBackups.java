package dev.vigil.rules.elasticache;

import dev.vigil.core.model.ElastiCacheCluster;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.remedy.SetCacheClusterSnapshotRetention;
import dev.vigil.core.remedy.SetReplicationGroupSnapshotRetention;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import dev.vigil.core.rule.RuleSetting;
import dev.vigil.core.rule.Setting;
import dev.vigil.rules.Retention;

/**
 * One check per Valkey or Redis OSS replication group and per cache cluster outside a replication group; Memcached
 * cannot be backed up and is not judged. Failing cache clusters carry {@link SetCacheClusterSnapshotRetention}, failing
 * groups the remedy declared here. Conformity's article has no rule ID that could be found: hence the Vigil ID.
 */
@RuleInfo(id = "Vigil-ElastiCache-001", title = "Enable Automatic Backups", risk = Risk.MEDIUM,
        categories = Category.RELIABILITY,
        compliances = {"AWAF", "HIPAA", "ISO27001", "NIST5", "SOC2"},
        controls = {"AWAF:REL09-BP03", "HIPAA:164.308(a)(7)(ii)(A)", "ISO27001:A.12.3.1", "NIST5:CP-9",
                "NIST5:SI-12", "SOC2:A1.2"},
        service = "ElastiCache", resource = ElastiCacheCluster.class, remedy = SetReplicationGroupSnapshotRetention.class,
        settings = @RuleSetting(name = Retention.SETTING, label = "Minimum backup retention period (days)",
                type = Setting.Type.INTEGER, value = "1", min = 1, max = 35))
public final class ElastiCacheAutomaticBackups implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        long minimum = findings.integer(Retention.SETTING);
        for (ElastiCacheCluster cluster : inventory.all(ElastiCacheCluster.class)) {
            if (cluster.engine() == null) {
                findings.unknown(cluster, "The engine cannot be resolved before deployment; Memcached has no backups");
            } else if (cluster.canBackUp()) {
                Retention.judge(findings, cluster, cluster.snapshotRetentionLimit(), minimum, "Backup retention limit",
                        days -> remedy(cluster, days));
            }
        }
    }

    private static Remedy remedy(ElastiCacheCluster cluster, String days) {
        return switch (cluster.type()) {
            case REPLICATION_GROUP -> new SetReplicationGroupSnapshotRetention(cluster.name(), days);
            case CACHE_CLUSTER -> new SetCacheClusterSnapshotRetention(cluster.name(), days);
        };
    }
}
