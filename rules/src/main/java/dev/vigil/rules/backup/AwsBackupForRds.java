package dev.vigil.rules.backup;

import dev.vigil.core.model.BackupRegionSettings;
import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.RdsSnapshot;
import dev.vigil.core.remedy.ProtectWithBackupPlan;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One check per RDS DB instance that is not an Aurora cluster member. Read replicas pass when their
 * source is protected (see the article for why).
 */
@RuleInfo(id = "Backup-001", title = "AWS Backup in Use for Amazon RDS", risk = Risk.LOW,
        categories = Category.RELIABILITY, compliances = {"AWAF"}, service = "Backup",
        resource = RdsInstance.class, reads = {RdsSnapshot.class, BackupSelection.class, BackupRegionSettings.class},
        remedy = ProtectWithBackupPlan.class)
public final class AwsBackupForRds implements Rule {

    static final String AWS_BACKUP_SNAPSHOT = "awsbackup";

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        Map<String, List<BackupSelection>> selections = inventory.all(BackupSelection.class).stream()
                .collect(Collectors.groupingBy(s -> s.origin().scope()));
        Map<String, Set<String>> snapshotted = inventory.all(RdsSnapshot.class).stream()
                .filter(s -> AWS_BACKUP_SNAPSHOT.equals(s.type()))
                .collect(Collectors.groupingBy(s -> s.origin().scope(),
                        Collectors.mapping(RdsSnapshot::instanceId, Collectors.toSet())));
        Map<String, List<BackupRegionSettings>> settings = inventory.all(BackupRegionSettings.class).stream()
                .collect(Collectors.groupingBy(s -> s.origin().scope()));
        List<RdsInstance> instances = inventory.all(RdsInstance.class).stream()
                .filter(i -> !i.isClusterMember()).toList();

        Map<RdsInstance, Coverage> coverage = new LinkedHashMap<>();
        for (RdsInstance instance : instances) {
            String scope = instance.origin().scope();
            coverage.put(instance, Coverage.of(Target.of(instance), selections.getOrDefault(scope, List.of()),
                    snapshotted.getOrDefault(scope, Set.of()),
                    Coverage.optIn(settings.getOrDefault(scope, List.of()), BackupRegionSettings.RDS)));
        }
        coverage.replaceAll((instance, own) -> viaReplicaSource(instance, own, coverage));
        coverage.forEach((instance, c) -> report(instance, c, findings));
        noteRegions(coverage, inventory, findings);
    }

    /** A read replica copies its source's data: it is protected when its source is. */
    private static Coverage viaReplicaSource(RdsInstance replica, Coverage own, Map<RdsInstance, Coverage> all) {
        if (own.status() != Coverage.Status.NOT_PROTECTED || replica.replicaSource() == null) {
            return own;
        }
        return all.entrySet().stream()
                .filter(e -> isSourceOf(e.getKey(), replica))
                .filter(e -> e.getValue().status() == Coverage.Status.PROTECTED)
                .findFirst()
                .map(e -> Coverage.protectedBy("its source DB instance " + e.getKey().name()
                        + " is protected (" + e.getValue().detail() + ")"))
                .orElse(own);
    }

    private static boolean isSourceOf(RdsInstance candidate, RdsInstance replica) {
        String source = replica.replicaSource();
        return source.equals(candidate.arn())
                || (source.equals(candidate.name()) && candidate.origin().scope().equals(replica.origin().scope()));
    }

    private static void report(RdsInstance instance, Coverage coverage, Findings findings) {
        switch (coverage.status()) {
            case PROTECTED -> findings.pass(instance, "AWS Backup protects this DB instance: " + coverage.detail());
            case UNKNOWN -> findings.unknown(instance,
                    "Backup selection cannot be resolved: " + coverage.detail());
            case ERROR -> findings.error(instance, "AWS Backup coverage cannot be decided: " + coverage.detail());
            case NOT_PROTECTED -> findings.fail(instance,
                    "No AWS Backup plan covers this DB instance and it has no AWS Backup snapshot"
                            + (coverage.detail() == null ? "" : " (" + coverage.detail() + ")"),
                    new ProtectWithBackupPlan(instance.arn(), instance.name()));
        }
    }

    private static long count(List<Map.Entry<RdsInstance, Coverage>> entries, Coverage.Status status) {
        return entries.stream().filter(e -> e.getValue().status() == status).count();
    }

    /**
     * The per-region verdict of the original region-level rule: in use when it protects any instance; otherwise
     * undecided when any instance is (a value that cannot be resolved, or a listing that failed in that region —
     * its instances are then ERROR, not unprotected), else not in use.
     */
    private static void noteRegions(Map<RdsInstance, Coverage> coverage, Inventory inventory, Findings findings) {
        Map<String, List<Map.Entry<RdsInstance, Coverage>>> byScope = coverage.entrySet().stream()
                .collect(Collectors.groupingBy(e -> e.getKey().origin().scope(), LinkedHashMap::new,
                        Collectors.toList()));
        byScope.forEach((scope, entries) -> {
            RdsInstance first = entries.getFirst().getKey();
            String where = first.origin().region() != null ? first.origin().region() : scope;
            long protectedCount = count(entries, Coverage.Status.PROTECTED);
            long undecided = entries.size() - protectedCount
                    - (inventory.incomplete(scope, findings.rule().reads()) ? 0
                    : count(entries, Coverage.Status.NOT_PROTECTED));
            String verdict = protectedCount > 0 ? "AWS Backup is in use for Amazon RDS in "
                    : undecided > 0 ? "Whether AWS Backup is in use for Amazon RDS cannot be decided in "
                    : "AWS Backup is not in use for Amazon RDS in ";
            findings.note(scope, first.origin().region(), verdict + where + " (" + protectedCount + " of "
                    + entries.size() + " DB instances protected" + (undecided > 0 ? ", " + undecided + " undecided" : "")
                    + ")");
        });
    }
}
