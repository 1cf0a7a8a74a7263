package dev.vigil.core.remedy;

/**
 * Make an encrypted counterpart of one unencrypted manual DB cluster snapshot (RDS-040). RDS does not encrypt a DB
 * cluster snapshot when it copies one, but restores an unencrypted one into an encrypted cluster when given a KMS key:
 * restore it as the cluster {@code copyId}, snapshot that cluster, then remove the temporary cluster. The original
 * stays until its owner deletes it.
 */
@PropertyFix(nameField = "snapshotId", noun = "DB cluster snapshot",
        cli = "# a copy of a DB cluster snapshot is never encrypted: restore it into an encrypted cluster and snapshot "
                + "that\n"
                + "aws rds restore-db-cluster-from-snapshot --region {region} --db-cluster-identifier {copyId} \\\n"
                + "  --snapshot-identifier {snapshotId} --engine {engine} --kms-key-id alias/aws/rds\n"
                + "aws rds wait db-cluster-available --region {region} --db-cluster-identifier {copyId}\n"
                + "aws rds create-db-cluster-snapshot --region {region} --db-cluster-identifier {copyId} \\\n"
                + "  --db-cluster-snapshot-identifier {copyId}\n"
                + "# once that snapshot is available, delete the cluster it was taken of",
        noCloudFormation = "no CloudFormation resource type takes or copies DB cluster snapshots; make the encrypted "
                + "snapshot with the AWS CLI, and create clusters with StorageEncrypted: true so that their snapshots "
                + "are encrypted",
        noTerraform = "the AWS provider cannot encrypt a DB cluster snapshot; make the encrypted snapshot with the AWS "
                + "CLI, and set storage_encrypted = true on the aws_rds_cluster so that its snapshots are encrypted",
        planOnly = "a DB cluster snapshot is encrypted by restoring it into a new encrypted cluster and snapshotting "
                + "that, which runs a cluster for a while, and Vigil never deletes the unencrypted original; make it "
                + "yourself with the commands 'vigil fix --emit cli' writes")
public record EncryptDbClusterSnapshot(String snapshotId, String engine, String copyId) implements Remedy {
}
