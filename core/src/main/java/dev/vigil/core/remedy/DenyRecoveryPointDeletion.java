package dev.vigil.core.remedy;

/**
 * Give one backup vault an access policy that denies everyone deleting its recovery points, shortening their
 * lifecycle and replacing the policy (Backup-002). AWS Backup sets a vault's policy as a whole, so the forms carry
 * the complete statement and the change is left to the owner, who merges it with any statements the vault has.
 */
@PropertyFix(nameField = "vaultName", noun = "backup vault",
        cli = "aws backup put-backup-vault-access-policy --region {region} --backup-vault-name {vaultName} \\\n"
                + "  --policy '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyRecoveryPointDeletion\","
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"backup:DeleteRecoveryPoint\","
                + "\"backup:UpdateRecoveryPointLifecycle\",\"backup:PutBackupVaultAccessPolicy\"],\"Resource\":\"*\"}]}'",
        cloudFormationType = "AWS::Backup::BackupVault", cloudFormationName = "BackupVaultName",
        cloudFormation = """
                AccessPolicy:
                  Version: "2012-10-17"
                  Statement:
                    - Sid: DenyRecoveryPointDeletion
                      Effect: Deny
                      Principal: "*"
                      Action:
                        - backup:DeleteRecoveryPoint
                        - backup:UpdateRecoveryPointLifecycle
                        - backup:PutBackupVaultAccessPolicy
                      Resource: "*\"""",
        terraformType = "aws_backup_vault_policy", terraformName = "backup_vault_name", terraformAdds = true,
        terraform = """
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [{
                    Sid       = "DenyRecoveryPointDeletion"
                    Effect    = "Deny"
                    Principal = "*"
                    Action    = ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy"]
                    Resource  = "*"
                  }]
                })""",
        planOnly = "it replaces the vault's whole access policy, and once it is in place nobody can change the policy "
                + "again without first deleting it: merge the statement with the ones the vault has, then apply it "
                + "yourself")
public record DenyRecoveryPointDeletion(String vaultName) implements Remedy {
}
