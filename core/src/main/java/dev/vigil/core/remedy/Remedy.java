package dev.vigil.core.remedy;

/**
 * A typed description of the change that fixes a failing check. One remedy is rendered as a live SDK call,
 * an AWS CLI command, CloudFormation or Terraform; rules only describe it.
 */
public sealed interface Remedy permits EnablePointInTimeRecovery, ProtectWithBackupPlan,
        EnableClusterDeletionProtection,
        CopySnapshotEncrypted, DeleteSnapshot, MakeSnapshotPrivate, SnapshotVolume,
        CopyDbSnapshotEncrypted, EnableAutomatedBackups, EnableCopyTagsToSnapshot, EnableInstanceDeletionProtection,
        EncryptDbClusterSnapshot, MakeDbClusterSnapshotPrivate, MakeDbSnapshotPrivate, RaiseBackupRetention,
        AddLifecycleConfiguration, EnableBucketVersioning, EnableMfaDelete, EnableObjectLock,
        // the cluster family: Aurora, DocumentDB, Neptune, Redshift, ElastiCache
        EnableClusterBacktrack,
        EnableClusterCopyTagsToSnapshot,
        ProtectClusterWithBackupPlan,
        SetCacheClusterSnapshotRetention,
        SetDocumentDbBackupRetention,
        SetNeptuneBackupRetention,
        SetRedshiftSnapshotRetention,
        SetReplicationGroupSnapshotRetention,
        // the DynamoDB and AWS Backup family
        BackUpTable, DenyRecoveryPointDeletion, EnableTableDeletionProtection, EncryptTableWithCustomerManagedKey,
        EncryptVaultWithCustomerManagedKey, SetBackupPlanLifecycle {
}
