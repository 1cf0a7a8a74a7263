package dev.vigil.iac.mapping;

import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Value;

/**
 * The settings of a DB instance that the instance rules judge, read the same way from {@code AWS::RDS::DBInstance},
 * {@code aws_db_instance} and {@code aws_rds_cluster_instance}. An instance's identity (name, ARN, cluster, replica
 * source) is what backup selections of the same template resolve to, and each language resolves its references its
 * own way, so the language's mapper decides it and this mapping adds the rest.
 *
 * <p>Absent properties take what AWS does when they are left out, which is not the same in both languages for the
 * retention: CloudFormation (like the RDS API) keeps automated backups 1 day, while the Terraform AWS provider sends 0
 * and so creates the instance with automated backups off. An instance restored from a snapshot without a retention of
 * its own keeps the snapshot's: unknown until it exists. Copying tags to snapshots and deletion protection are off
 * when left out, in both.
 */
public final class RdsInstanceMapping {

    static final Field BACKUP_RETENTION = new Field("BackupRetentionPeriod", "backup_retention_period");
    static final Field COPY_TAGS = new Field("CopyTagsToSnapshot", "copy_tags_to_snapshot");
    static final Field DELETION_PROTECTION = new Field("DeletionProtection", "deletion_protection");
    static final Field RESTORED_FROM = new Field("DBSnapshotIdentifier", "snapshot_identifier");
    static final Field TAGS = new Field("Tags", "tags");
    static final long CLOUDFORMATION_RETENTION = 1;
    static final long TERRAFORM_RETENTION = 0;

    private RdsInstanceMapping() {
    }

    /** The instance {@code d} declares, with the identity its language's mapper resolved. */
    public static RdsInstance instance(Declaration d, String name, String arn, String engine, String clusterId,
                                       String replicaSource) {
        return new RdsInstance(d.origin(), d.id(), name, arn, engine, clusterId, replicaSource, d.tags(TAGS),
                retention(d), d.bool(COPY_TAGS, false), d.bool(DELETION_PROTECTION, false));
    }

    private static Value<Long> retention(Declaration d) {
        if (!(d.text(BACKUP_RETENTION, null) instanceof Value.Known<String> set && set.value().isEmpty())) {
            return d.integer(BACKUP_RETENTION, 0);
        }
        return switch (d.text(RESTORED_FROM, null)) {
            case Value.Known<String> none when none.value().isEmpty() ->
                    Value.known(d.type().startsWith("AWS::") ? CLOUDFORMATION_RETENTION : TERRAFORM_RETENTION);
            case Value.Known<String> snapshot -> Value.unknown(d.id() + " is restored from snapshot "
                    + snapshot.value() + " and sets no retention of its own: it keeps the snapshot's");
            case Value.Unknown<String> u -> Value.unknown(u.expression());
            case Value.Failed<String> f -> Value.failed(f.cause());
        };
    }
}
