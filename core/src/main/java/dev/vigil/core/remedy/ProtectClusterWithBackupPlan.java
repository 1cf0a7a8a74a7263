package dev.vigil.core.remedy;

/** Assign one Aurora DB cluster to an AWS Backup plan in its region, beside the DB instances Backup-001 assigns. */
public record ProtectClusterWithBackupPlan(String clusterArn, String clusterId) implements Remedy, BackupAssignment {

    @Override
    public String resourceArn() {
        return clusterArn;
    }
}
