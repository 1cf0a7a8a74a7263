package dev.vigil.aws.remediate;

/**
 * What a fix creates beyond {@link dev.vigil.core.remedy.BackupPlanDefaults}.
 *
 * @param backupPlanName the plan to find by name or create
 * @param createRole     create the default service role when it is missing (never without being asked)
 */
public record FixSettings(String backupPlanName, boolean createRole) {
}
