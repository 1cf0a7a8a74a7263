package dev.vigil.core.remedy;

/**
 * Encrypt a backup vault's recovery points with a customer managed KMS key (Vigil-Backup-001). AWS Backup fixes a
 * vault's key when it creates the vault, so the fix is a new vault with the key the owner chooses ({@code KMS_KEY_ARN}
 * in every form); CloudFormation and Terraform replace the vault when its key changes.
 */
@PropertyFix(nameField = "vaultName", noun = "backup vault",
        cli = "aws backup create-backup-vault --region {region} --backup-vault-name {vaultName}-cmk \\\n"
                + "  --encryption-key-arn KMS_KEY_ARN",
        cloudFormationType = "AWS::Backup::BackupVault", cloudFormationName = "BackupVaultName",
        cloudFormation = "EncryptionKeyArn: KMS_KEY_ARN",
        terraformType = "aws_backup_vault", terraformName = "name",
        terraform = "kms_key_arn = \"KMS_KEY_ARN\"",
        planOnly = "a vault's encryption key cannot be changed after the vault is created: create a vault with your "
                + "customer managed key (replace KMS_KEY_ARN), point the backup plans at it, and delete this vault "
                + "when its recovery points have expired; CloudFormation and Terraform replace the vault, which fails "
                + "while it holds recovery points")
public record EncryptVaultWithCustomerManagedKey(String vaultName) implements Remedy {
}
