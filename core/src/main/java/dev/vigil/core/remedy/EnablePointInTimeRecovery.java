package dev.vigil.core.remedy;

/** Turn on point-in-time recovery for one DynamoDB table. */
@PropertyFix(nameField = "tableName", noun = "table",
        cli = "aws dynamodb update-continuous-backups --region {region} --table-name {tableName} \\\n"
                + "  --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true",
        cloudFormationType = "AWS::DynamoDB::Table", cloudFormationName = "TableName",
        cloudFormation = "PointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true",
        terraformType = "aws_dynamodb_table", terraformName = "name",
        terraform = "point_in_time_recovery {\n  enabled = true\n}")
public record EnablePointInTimeRecovery(String tableName) implements Remedy {
}
