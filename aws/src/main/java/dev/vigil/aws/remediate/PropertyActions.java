package dev.vigil.aws.remediate;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.collect.RdsManualSnapshotCollector;
import dev.vigil.core.remedy.EnableBucketVersioning;
import dev.vigil.core.remedy.EnableClusterDeletionProtection;
import dev.vigil.core.remedy.EnableCopyTagsToSnapshot;
import dev.vigil.core.remedy.EnableInstanceDeletionProtection;
import dev.vigil.core.remedy.MakeDbClusterSnapshotPrivate;
import dev.vigil.core.remedy.MakeDbSnapshotPrivate;
import dev.vigil.core.remedy.MakeSnapshotPrivate;
import dev.vigil.core.remedy.RaiseBackupRetention;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.remedy.SnapshotVolume;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshotAttributesResult;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttributesResult;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * The live side of remedies that set properties of one resource ({@code @PropertyFix}): how to read the current
 * value (to confirm the plan) and how to set it. One entry per remedy type; a remedy without an entry has no live
 * fix, only the emitted forms. Only non-destructive, reversible changes belong here.
 */
final class PropertyActions {

    /**
     * What planning read: the value as text, e.g. {@code DeletionProtection=false}, whether the fix is in place, and
     * why it cannot be made as things are now (null when it can).
     */
    record State(String before, boolean inPlace, String blocked) {

        State(String before, boolean inPlace) {
            this(before, inPlace, null);
        }
    }

    /** Reads and sets what one remedy type is about, in one region. */
    interface Action<R extends Remedy> {
        Class<R> type();

        /** The IAM action that makes the change, e.g. {@code rds:ModifyDBCluster}. */
        String iamAction();

        State read(AwsConnection aws, String region, R remedy);

        /** Makes the change; returns the state after it, as {@link State#before()} writes it. */
        String apply(AwsConnection aws, String region, R remedy);
    }

    private static final Map<Class<?>, Action<?>> ACTIONS = List.<Action<?>>of(new ClusterDeletionProtection(),
                    new PrivateSnapshot(), new VolumeSnapshot(),
                    new BackupRetention(), new CopyTagsToSnapshot(), new InstanceDeletionProtection(),
                    new PrivateDbClusterSnapshot(), new PrivateDbSnapshot(),
                    new BucketVersioning())
            .stream().collect(Collectors.toUnmodifiableMap(Action::type, a -> a));

    private PropertyActions() {
    }

    /** The action for a remedy's type, if it has a live fix. */
    @SuppressWarnings("unchecked")
    static <R extends Remedy> Optional<Action<R>> forRemedy(R remedy) {
        return Optional.ofNullable((Action<R>) ACTIONS.get(remedy.getClass()));
    }

    private static RdsClient rds(AwsConnection aws, String region) {
        return aws.client(RdsClient::builder, region);
    }

    private static Ec2Client ec2(AwsConnection aws, String region) {
        return aws.client(Ec2Client::builder, region);
    }

    /** RDS-035: ModifyDBCluster DeletionProtection=true takes effect at once, without a restart. */
    private static final class ClusterDeletionProtection implements Action<EnableClusterDeletionProtection> {
        @Override
        public Class<EnableClusterDeletionProtection> type() {
            return EnableClusterDeletionProtection.class;
        }

        @Override
        public String iamAction() {
            return "rds:ModifyDBCluster";
        }

        @Override
        public State read(AwsConnection aws, String region, EnableClusterDeletionProtection remedy) {
            boolean on = Boolean.TRUE.equals(rds(aws, region).describeDBClusters(r -> r.dbClusterIdentifier(
                    remedy.clusterId())).dbClusters().getFirst().deletionProtection());
            return new State("DeletionProtection=" + on, on);
        }

        @Override
        public String apply(AwsConnection aws, String region, EnableClusterDeletionProtection remedy) {
            return "DeletionProtection=" + rds(aws, region).modifyDBCluster(r -> r
                    .dbClusterIdentifier(remedy.clusterId()).deletionProtection(true)).dbCluster().deletionProtection();
        }
    }

    /**
     * EBS-009: removing the group {@code all} from the snapshot's createVolumePermission takes effect at once, keeps
     * every account it was shared with by name, and is undone by adding the group back.
     */
    private static final class PrivateSnapshot implements Action<MakeSnapshotPrivate> {
        @Override
        public Class<MakeSnapshotPrivate> type() {
            return MakeSnapshotPrivate.class;
        }

        @Override
        public String iamAction() {
            return "ec2:ModifySnapshotAttribute";
        }

        @Override
        public State read(AwsConnection aws, String region, MakeSnapshotPrivate remedy) {
            boolean open = ec2(aws, region).describeSnapshotAttribute(r -> r.snapshotId(remedy.snapshotId())
                            .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)).createVolumePermissions().stream()
                    .anyMatch(p -> p.group() == PermissionGroup.ALL);
            return new State("public=" + open, !open);
        }

        @Override
        public String apply(AwsConnection aws, String region, MakeSnapshotPrivate remedy) {
            ec2(aws, region).modifySnapshotAttribute(r -> r.snapshotId(remedy.snapshotId())
                    .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION).operationType(OperationType.REMOVE)
                    .groupNames("all"));
            return read(aws, region, remedy).before();
        }
    }

    /**
     * EBS-004: a snapshot of the volume, taken now. Nothing that exists changes, the snapshot can be deleted again (its
     * tag says who took it), and it costs only the storage of the volume's blocks. A snapshot started within the
     * rule's threshold means it is in place already (a second run takes no second snapshot).
     */
    private static final class VolumeSnapshot implements Action<SnapshotVolume> {
        static final String TAG_KEY = "vigil:fix";
        static final String TAG_VALUE = "EBS-004";

        @Override
        public Class<SnapshotVolume> type() {
            return SnapshotVolume.class;
        }

        @Override
        public String iamAction() {
            return "ec2:CreateSnapshot";
        }

        @Override
        public State read(AwsConnection aws, String region, SnapshotVolume remedy) {
            Optional<Snapshot> newest = ec2(aws, region).describeSnapshotsPaginator(r -> r.ownerIds("self")
                            .maxResults(1000).filters(f -> f.name("volume-id").values(remedy.volumeId()),
                                    f -> f.name("status").values("completed", "pending")))
                    .snapshots().stream().filter(s -> s.startTime() != null)
                    .max(Comparator.comparing(Snapshot::startTime));
            Instant cutoff = Instant.now().minus(Duration.ofDays(Long.parseLong(remedy.maxAgeDays())));
            return newest.map(s -> new State("newest snapshot " + s.snapshotId() + " started " + s.startTime(),
                    !s.startTime().isBefore(cutoff))).orElse(new State("no snapshot", false));
        }

        @Override
        public String apply(AwsConnection aws, String region, SnapshotVolume remedy) {
            CreateSnapshotResponse taken = ec2(aws, region).createSnapshot(r -> r.volumeId(remedy.volumeId())
                    .description("Taken by vigil fix for EBS-004")
                    .tagSpecifications(t -> t.resourceType(ResourceType.SNAPSHOT)
                            .tags(Tag.builder().key(TAG_KEY).value(TAG_VALUE).build())));
            return "snapshot " + taken.snapshotId() + " started " + taken.startTime();
        }
    }

    private static DBInstance instance(AwsConnection aws, String region, String id) {
        return rds(aws, region).describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().getFirst();
    }

    /** RDS-031: ModifyDBInstance DeletionProtection=true takes effect at once, without a restart. */
    private static final class InstanceDeletionProtection implements Action<EnableInstanceDeletionProtection> {
        @Override
        public Class<EnableInstanceDeletionProtection> type() {
            return EnableInstanceDeletionProtection.class;
        }

        @Override
        public String iamAction() {
            return "rds:ModifyDBInstance";
        }

        @Override
        public State read(AwsConnection aws, String region, EnableInstanceDeletionProtection remedy) {
            boolean on = Boolean.TRUE.equals(instance(aws, region, remedy.instanceId()).deletionProtection());
            return new State("DeletionProtection=" + on, on);
        }

        @Override
        public String apply(AwsConnection aws, String region, EnableInstanceDeletionProtection remedy) {
            return "DeletionProtection=" + rds(aws, region).modifyDBInstance(r -> r
                    .dbInstanceIdentifier(remedy.instanceId()).deletionProtection(true)).dbInstance()
                    .deletionProtection();
        }
    }

    /** RDS-026: ModifyDBInstance CopyTagsToSnapshot=true takes effect at once, for snapshots taken from then on. */
    private static final class CopyTagsToSnapshot implements Action<EnableCopyTagsToSnapshot> {
        @Override
        public Class<EnableCopyTagsToSnapshot> type() {
            return EnableCopyTagsToSnapshot.class;
        }

        @Override
        public String iamAction() {
            return "rds:ModifyDBInstance";
        }

        @Override
        public State read(AwsConnection aws, String region, EnableCopyTagsToSnapshot remedy) {
            boolean on = Boolean.TRUE.equals(instance(aws, region, remedy.instanceId()).copyTagsToSnapshot());
            return new State("CopyTagsToSnapshot=" + on, on);
        }

        @Override
        public String apply(AwsConnection aws, String region, EnableCopyTagsToSnapshot remedy) {
            return "CopyTagsToSnapshot=" + rds(aws, region).modifyDBInstance(r -> r
                    .dbInstanceIdentifier(remedy.instanceId()).copyTagsToSnapshot(true)).dbInstance()
                    .copyTagsToSnapshot();
        }
    }

    /**
     * RDS-003: from one retention of automated backups to a longer one RDS applies the change as soon as it can,
     * without an outage, so the call does not ask for the instance's pending changes to be applied at once. An instance
     * whose backups are off when the plan is made is blocked: turning them on causes an outage (RDS-002, plan-only).
     */
    private static final class BackupRetention implements Action<RaiseBackupRetention> {
        @Override
        public Class<RaiseBackupRetention> type() {
            return RaiseBackupRetention.class;
        }

        @Override
        public String iamAction() {
            return "rds:ModifyDBInstance";
        }

        @Override
        public State read(AwsConnection aws, String region, RaiseBackupRetention remedy) {
            int days = instance(aws, region, remedy.instanceId()).backupRetentionPeriod();
            String before = "BackupRetentionPeriod=" + days;
            return days == 0 ? new State(before, false, "automated backups are off, and turning them on causes an "
                    + "outage; that is RDS-002's fix, which Vigil leaves to you (see 'vigil explain RDS-002')")
                    : new State(before, days >= Integer.parseInt(remedy.days()));
        }

        @Override
        public String apply(AwsConnection aws, String region, RaiseBackupRetention remedy) {
            DBInstance after = rds(aws, region).modifyDBInstance(r -> r.dbInstanceIdentifier(remedy.instanceId())
                    .backupRetentionPeriod(Integer.parseInt(remedy.days()))).dbInstance();
            Integer pending = after.pendingModifiedValues() == null ? null
                    : after.pendingModifiedValues().backupRetentionPeriod();
            return pending != null ? "BackupRetentionPeriod=" + pending + " (pending)"
                    : "BackupRetentionPeriod=" + after.backupRetentionPeriod();
        }
    }

    /** A snapshot's visibility, as planning and the audit log show it. */
    private static String visibility(boolean open) {
        return "public=" + open;
    }

    /**
     * RDS-023: removing {@code all} from a manual DB snapshot's {@code restore} attribute takes effect at once, keeps
     * the accounts it was shared with by ID, and is undone by adding {@code all} back.
     */
    private static final class PrivateDbSnapshot implements Action<MakeDbSnapshotPrivate> {
        @Override
        public Class<MakeDbSnapshotPrivate> type() {
            return MakeDbSnapshotPrivate.class;
        }

        @Override
        public String iamAction() {
            return "rds:ModifyDBSnapshotAttribute";
        }

        @Override
        public State read(AwsConnection aws, String region, MakeDbSnapshotPrivate remedy) {
            boolean open = open(rds(aws, region).describeDBSnapshotAttributes(
                    r -> r.dbSnapshotIdentifier(remedy.snapshotId())).dbSnapshotAttributesResult());
            return new State(visibility(open), !open);
        }

        @Override
        public String apply(AwsConnection aws, String region, MakeDbSnapshotPrivate remedy) {
            return visibility(open(rds(aws, region).modifyDBSnapshotAttribute(r -> r
                    .dbSnapshotIdentifier(remedy.snapshotId()).attributeName(RdsManualSnapshotCollector.RESTORE)
                    .valuesToRemove(RdsManualSnapshotCollector.EVERYBODY)).dbSnapshotAttributesResult()));
        }

        private static boolean open(DBSnapshotAttributesResult result) {
            return result.dbSnapshotAttributes().stream()
                    .anyMatch(a -> RdsManualSnapshotCollector.everybody(a.attributeName(), a.attributeValues()));
        }
    }

    /** RDS-023 for a manual DB cluster snapshot, as {@link PrivateDbSnapshot}. */
    private static final class PrivateDbClusterSnapshot implements Action<MakeDbClusterSnapshotPrivate> {
        @Override
        public Class<MakeDbClusterSnapshotPrivate> type() {
            return MakeDbClusterSnapshotPrivate.class;
        }

        @Override
        public String iamAction() {
            return "rds:ModifyDBClusterSnapshotAttribute";
        }

        @Override
        public State read(AwsConnection aws, String region, MakeDbClusterSnapshotPrivate remedy) {
            boolean open = open(rds(aws, region).describeDBClusterSnapshotAttributes(
                    r -> r.dbClusterSnapshotIdentifier(remedy.snapshotId())).dbClusterSnapshotAttributesResult());
            return new State(visibility(open), !open);
        }

        @Override
        public String apply(AwsConnection aws, String region, MakeDbClusterSnapshotPrivate remedy) {
            return visibility(open(rds(aws, region).modifyDBClusterSnapshotAttribute(r -> r
                    .dbClusterSnapshotIdentifier(remedy.snapshotId()).attributeName(RdsManualSnapshotCollector.RESTORE)
                    .valuesToRemove(RdsManualSnapshotCollector.EVERYBODY)).dbClusterSnapshotAttributesResult()));
        }

        private static boolean open(DBClusterSnapshotAttributesResult result) {
            return result.dbClusterSnapshotAttributes().stream()
                    .anyMatch(a -> RdsManualSnapshotCollector.everybody(a.attributeName(), a.attributeValues()));
        }
    }

    /**
     * S3-012: PutBucketVersioning Status=Enabled keeps every object and takes effect at once; it can be suspended again
     * (never fully undone, see the rule's article). The bucket's current state is read back as the result.
     */
    private static final class BucketVersioning implements Action<EnableBucketVersioning> {
        @Override
        public Class<EnableBucketVersioning> type() {
            return EnableBucketVersioning.class;
        }

        @Override
        public String iamAction() {
            return "s3:PutBucketVersioning";
        }

        @Override
        public State read(AwsConnection aws, String region, EnableBucketVersioning remedy) {
            String status = status(aws.client(S3Client::builder, region), remedy.bucketName());
            return new State("Status=" + status, status.equals("Enabled"));
        }

        @Override
        public String apply(AwsConnection aws, String region, EnableBucketVersioning remedy) {
            S3Client s3 = aws.client(S3Client::builder, region);
            s3.putBucketVersioning(r -> r.bucket(remedy.bucketName())
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            return "Status=" + status(s3, remedy.bucketName());
        }

        /** S3 leaves Status out for a bucket that was never versioned. */
        private static String status(S3Client s3, String bucket) {
            String status = s3.getBucketVersioning(r -> r.bucket(bucket)).statusAsString();
            return status == null ? "Unversioned" : status;
        }
    }
}
