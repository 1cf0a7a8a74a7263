package dev.vigil.core.remedy;

/**
 * Give every rule of one backup plan a lifecycle (Vigil-Backup-002): the days after which recovery points move to
 * cold storage and are deleted, as the rule's settings say, or {@code COLD_STORAGE_AFTER_DAYS} and
 * {@code DELETE_AFTER_DAYS} for the owner to choose when the settings accept any value.
 */
@PropertyFix(nameField = "planName", noun = "backup plan",
        cli = "aws backup get-backup-plan --region {region} --backup-plan-id {planId} --query BackupPlan --output json \\\n"
                + "  | jq --argjson cold {moveToColdStorageAfterDays} --argjson delete {deleteAfterDays} \\\n"
                + "      'del(.Rules[].RuleId) | .Rules[].Lifecycle = "
                + "{MoveToColdStorageAfterDays: $cold, DeleteAfterDays: $delete}' > backup-plan.json\n"
                + "aws backup update-backup-plan --region {region} --backup-plan-id {planId} "
                + "--backup-plan file://backup-plan.json",
        cloudFormationType = "AWS::Backup::BackupPlan", cloudFormationName = "BackupPlan.BackupPlanName",
        cloudFormation = """
                BackupPlanRule:
                  - Lifecycle:
                      MoveToColdStorageAfterDays: {moveToColdStorageAfterDays}
                      DeleteAfterDays: {deleteAfterDays}""",
        terraformType = "aws_backup_plan", terraformName = "name",
        terraform = """
                rule {
                  lifecycle {
                    cold_storage_after = {moveToColdStorageAfterDays}
                    delete_after       = {deleteAfterDays}
                  }
                }""",
        planOnly = "it decides how long recovery points are kept, hence what can still be restored and what storing "
                + "them costs: choose the days (the rule's settings), set them in every rule of the plan, and apply "
                + "the change yourself")
public record SetBackupPlanLifecycle(String planId, String planName, String moveToColdStorageAfterDays,
                                     String deleteAfterDays) implements Remedy {
}
