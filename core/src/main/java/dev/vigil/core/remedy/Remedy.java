package dev.vigil.core.remedy;

/**
 * A typed description of the change that fixes a failing check. One remedy is rendered as a live SDK call,
 * an AWS CLI command, CloudFormation or Terraform; rules only describe it.
 */
public sealed interface Remedy permits EnablePointInTimeRecovery, ProtectWithBackupPlan,
        EnableClusterDeletionProtection,
        BackUpTable, DenyRecoveryPointDeletion, EnableTableDeletionProtection, EncryptTableWithCustomerManagedKey,
        EncryptVaultWithCustomerManagedKey, SetBackupPlanLifecycle,
        CopySnapshotEncrypted, DeleteSnapshot, MakeSnapshotPrivate, SnapshotVolume {
}
