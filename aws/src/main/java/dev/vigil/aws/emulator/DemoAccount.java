package dev.vigil.aws.emulator;

import dev.vigil.aws.AwsConnection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.OperationType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** Seeds an emulated account through the real SDK: the sample data {@code vigil demo} scans. */
public final class DemoAccount {

    /** Region → table name → PITR on. */
    public static final Map<String, Map<String, Boolean>> TABLES = Map.of(
            "us-east-1", Map.of("orders", true, "sessions", false, "audit-log", true),
            "eu-west-1", Map.of("customers", false, "invoices", true));

    /** Region → DB instance identifiers; none is protected by AWS Backup. */
    public static final Map<String, List<String>> DATABASES = Map.of(
            "us-east-1", List.of("billing-db"),
            "eu-west-1", List.of("reporting-db"));

    /** Region → DB cluster identifier → deletion protection on. */
    public static final Map<String, Map<String, Boolean>> CLUSTERS = Map.of(
            "us-east-1", Map.of("orders-aurora", true, "analytics-aurora", false));

    /** Whether a demo volume gets a snapshot, and whether that snapshot is shared with everybody. */
    public enum Snapshot { NONE, PRIVATE, PUBLIC }

    /** An EBS volume of the demo, by its Name tag. */
    public record Disk(String name, boolean encrypted, Snapshot snapshot) {}

    /**
     * Region → EBS volumes: one without a snapshot (EBS-004), an encrypted and an unencrypted snapshot (EBS-011), the
     * latter public (EBS-009). moto dates every snapshot now, so none is too old (EBS-005 passes only).
     */
    public static final Map<String, List<Disk>> DISKS = Map.of("us-east-1", List.of(
            new Disk("orders-data", true, Snapshot.PRIVATE), new Disk("build-cache", false, Snapshot.NONE),
            new Disk("legacy-export", false, Snapshot.PUBLIC)));

    /** Rules the emulator cannot hold, with why: {@code vigil demo} leaves them out rather than show wrong results. */
    public static final Map<String, String> NOT_EMULATED = Map.of(
            "EBS-009", "moto's DescribeSnapshots ignores RestorableByUserIds, so public and private snapshots look alike");

    /** Region → bucket name → its settings, one bucket passing and one failing each S3 rule moto can hold. */
    public static final Map<String, Map<String, BucketSettings>> BUCKETS = Map.of(
            "us-east-1", Map.of("vigil-demo-records", new BucketSettings(true, true, true),
                    "vigil-demo-scratch", new BucketSettings(false, false, false)),
            "eu-west-1", Map.of("vigil-demo-eu-media", new BucketSettings(true, false, false)));

    /**
     * What a demo bucket has: versioning on, one enabled lifecycle rule, Object Lock (MFA delete is left out: moto
     * neither keeps nor reports it).
     */
    public record BucketSettings(boolean versioning, boolean lifecycle, boolean objectLock) {
    }

    private DemoAccount() {
    }

    public static void seed(AwsConnection aws) {
        TABLES.forEach((region, tables) -> tables.forEach(
                (name, pitr) -> createTable(aws.client(DynamoDbClient::builder, region), name, pitr)));
        DATABASES.forEach((region, dbs) -> dbs.forEach(
                db -> createDatabase(aws.client(RdsClient::builder, region), db, "postgres", Map.of("team", "data"))));
        CLUSTERS.forEach((region, clusters) -> clusters.forEach(
                (id, protect) -> createCluster(aws.client(RdsClient::builder, region), id, "aurora-postgresql", protect)));
        DISKS.forEach((region, disks) -> disks.forEach(disk -> createDisk(aws.client(Ec2Client::builder, region),
                region, disk)));
        BUCKETS.forEach((region, buckets) -> buckets.forEach(
                (name, settings) -> createBucket(aws.client(S3Client::builder, region), region, name, settings)));
    }

    /** An EBS volume tagged with its name, and its snapshot as {@code disk} says; returns the volume ID. */
    public static String createDisk(Ec2Client ec2, String region, Disk disk) {
        String volumeId = ec2.createVolume(r -> r.availabilityZone(region + "a").size(8).encrypted(disk.encrypted())
                .tagSpecifications(t -> t.resourceType(ResourceType.VOLUME)
                        .tags(software.amazon.awssdk.services.ec2.model.Tag.builder().key("Name").value(disk.name())
                                .build()))).volumeId();
        if (disk.snapshot() != Snapshot.NONE) {
            String snapshotId = ec2.createSnapshot(r -> r.volumeId(volumeId).description("demo " + disk.name()))
                    .snapshotId();
            if (disk.snapshot() == Snapshot.PUBLIC) {
                ec2.modifySnapshotAttribute(r -> r.snapshotId(snapshotId)
                        .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION).operationType(OperationType.ADD)
                        .groupNames("all"));
            }
        }
        return volumeId;
    }

    /** A bucket in a region, with the settings given. */
    public static void createBucket(S3Client s3, String region, String name, BucketSettings settings) {
        s3.createBucket(r -> r.bucket(name).objectLockEnabledForBucket(settings.objectLock())
                .createBucketConfiguration(region.equals("us-east-1") ? null
                        : CreateBucketConfiguration.builder().locationConstraint(region).build()));
        if (settings.versioning()) {
            s3.putBucketVersioning(r -> r.bucket(name).versioningConfiguration(v -> v.status("Enabled")));
        }
        if (settings.lifecycle()) {
            s3.putBucketLifecycleConfiguration(r -> r.bucket(name).lifecycleConfiguration(c -> c.rules(
                    LifecycleRule.builder().id("archive").status(ExpirationStatus.ENABLED)
                            .filter(f -> f.prefix(""))
                            .transitions(t -> t.days(90).storageClass(TransitionStorageClass.GLACIER)).build())));
        }
    }

    public static void createTable(DynamoDbClient dynamo, String name, boolean pitr) {
        dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        if (pitr) {
            dynamo.updateContinuousBackups(r -> r.tableName(name)
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        }
    }

    /** An Aurora or Multi-AZ DB cluster with deletion protection as given. */
    public static void createCluster(RdsClient rds, String id, String engine, boolean deletionProtection) {
        rds.createDBCluster(r -> r.dbClusterIdentifier(id).engine(engine).masterUsername("admin")
                .masterUserPassword("demo-password-1").deletionProtection(deletionProtection));
    }

    public static void createDatabase(RdsClient rds, String id, String engine, Map<String, String> tags) {
        rds.createDBInstance(r -> r.dbInstanceIdentifier(id).engine(engine).dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("demo-password-1")
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList()));
    }
}
