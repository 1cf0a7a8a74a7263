package dev.vigil.core.remedy;

/**
 * Take an on-demand backup of one DynamoDB table now (DynamoDB-005). Nothing that exists changes and the backup can
 * be deleted again; it is named {@code vigil-DynamoDB-005} so it can be found. {@code maxAgeDays} is the rule's
 * threshold: a backup made within it means the fix is already in place. Templates declare no one-off backups: the
 * lasting fix there is an AWS Backup plan that selects the table.
 */
@PropertyFix(nameField = "tableName", noun = "table",
        cli = "aws dynamodb create-backup --region {region} --table-name {tableName} --backup-name vigil-DynamoDB-005",
        noCloudFormation = "CloudFormation has no resource type for a one-off DynamoDB backup; schedule backups of the "
                + "table with AWS::Backup::BackupPlan and AWS::Backup::BackupSelection (see 'vigil explain DynamoDB-005')",
        noTerraform = "Terraform's AWS provider has no resource for a one-off DynamoDB backup; schedule backups of the "
                + "table with aws_backup_plan and aws_backup_selection (see 'vigil explain DynamoDB-005')")
public record BackUpTable(String tableName, String maxAgeDays) implements Remedy {
}
