package dev.vigil.aws.remediate;

import dev.vigil.aws.AwsConnection;
import dev.vigil.core.remedy.EnableBucketVersioning;
import dev.vigil.core.remedy.EnableClusterDeletionProtection;
import dev.vigil.core.remedy.Remedy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * The live side of remedies that set properties of one resource ({@code @PropertyFix}): how to read the current
 * value (to confirm the plan) and how to set it. One entry per remedy type; a remedy without an entry has no live
 * fix, only the emitted forms. Only non-destructive, reversible changes belong here.
 */
final class PropertyActions {

    /** What planning read: the value as text, e.g. {@code DeletionProtection=false}, and whether the fix is in place. */
    record State(String before, boolean inPlace) {
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
