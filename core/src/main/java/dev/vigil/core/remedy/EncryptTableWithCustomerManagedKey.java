package dev.vigil.core.remedy;

/**
 * Encrypt one DynamoDB table with a customer managed KMS key (DynamoDB-004); the key is the owner's to choose
 * ({@code KMS_KEY_ARN} in every form).
 */
@PropertyFix(nameField = "tableName", noun = "table",
        cli = "aws dynamodb update-table --region {region} --table-name {tableName} \\\n"
                + "  --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=KMS_KEY_ARN",
        cloudFormationType = "AWS::DynamoDB::Table", cloudFormationName = "TableName",
        cloudFormation = "SSESpecification:\n  SSEEnabled: true\n  SSEType: KMS\n  KMSMasterKeyId: KMS_KEY_ARN",
        terraformType = "aws_dynamodb_table", terraformName = "name",
        terraform = "server_side_encryption {\n  enabled     = true\n  kms_key_arn = \"KMS_KEY_ARN\"\n}",
        planOnly = "the key is yours to choose (replace KMS_KEY_ARN with a customer managed key whose key policy lets "
                + "DynamoDB use it), and from then on the table can be read only while that key is enabled")
public record EncryptTableWithCustomerManagedKey(String tableName) implements Remedy {
}
