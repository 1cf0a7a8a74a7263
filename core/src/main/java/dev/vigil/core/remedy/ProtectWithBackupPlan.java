package dev.vigil.core.remedy;

/** Assign one RDS DB instance to an AWS Backup plan in its region. */
public record ProtectWithBackupPlan(String instanceArn, String instanceId) implements Remedy, BackupAssignment {

    @Override
    public String resourceArn() {
        return instanceArn;
    }
}
