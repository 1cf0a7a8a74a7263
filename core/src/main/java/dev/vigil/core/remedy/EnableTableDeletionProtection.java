package dev.vigil.core.remedy;

/** Turn on deletion protection for one DynamoDB table (Vigil-DynamoDB-001). */
@PropertyFix(nameField = "tableName", noun = "table",
        cli = "aws dynamodb update-table --region {region} --table-name {tableName} --deletion-protection-enabled",
        cloudFormationType = "AWS::DynamoDB::Table", cloudFormationName = "TableName",
        cloudFormation = "DeletionProtectionEnabled: true",
        terraformType = "aws_dynamodb_table", terraformName = "name",
        terraform = "deletion_protection_enabled = true")
public record EnableTableDeletionProtection(String tableName) implements Remedy {
}
