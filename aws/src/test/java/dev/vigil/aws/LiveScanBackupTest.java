package dev.vigil.aws;

import static dev.vigil.aws.EmulatorProxy.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.EmulatorProxy.Response;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.remedy.ProtectClusterWithBackupPlan;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.Note;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Backup-001 and its cluster counterpart Vigil-Backup-003 end to end. DB instances and Aurora clusters live in moto. moto lacks backup selections and AWS Backup's region
 * settings and cannot create {@code awsbackup} snapshots, so those operations — ListBackupPlans,
 * ListBackupSelections, GetBackupSelection, DescribeRegionSettings and DescribeDBSnapshots with
 * SnapshotType=awsbackup — are answered by a recorded-response stub in the shape AWS documents
 * (src/test/resources/recorded); everything else goes to moto.
 */
class LiveScanBackupTest {

    private static final String EAST = "us-east-1";
    private static final String WEST = "eu-west-1";
    private static MotoServer moto;
    private static EmulatorProxy proxy;
    /** What DescribeRegionSettings answers for RDS. */
    private static final java.util.concurrent.atomic.AtomicReference<String> rdsOptIn =
            new java.util.concurrent.atomic.AtomicReference<>("true");
    /** What DescribeRegionSettings answers for Aurora, a resource type of its own. */
    private static final java.util.concurrent.atomic.AtomicReference<String> auroraOptIn =
            new java.util.concurrent.atomic.AtomicReference<>("true");

    @BeforeAll
    static void seed() throws Exception {
        moto = Emulator.fresh();
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            RdsClient east = aws.client(RdsClient::builder, EAST);
            DemoAccount.createDatabase(east, "snap-db", "postgres", Map.of());
            DemoAccount.createDatabase(east, "arn-db", "postgres", Map.of());
            DemoAccount.createDatabase(east, "tag-db", "mysql", Map.of("backup", "daily", "env", "prod"));
            DemoAccount.createDatabase(east, "dev-db", "mysql", Map.of("backup", "daily", "env", "dev-2"));
            DemoAccount.createDatabase(east, "excluded-db", "postgres", Map.of());
            DemoAccount.createDatabase(east, "plain-db", "postgres", Map.of());
            DemoAccount.createDatabase(east, "payments-db", "postgres", Map.of("team", "payments"));
            DemoAccount.createDatabase(aws.client(RdsClient::builder, WEST), "lonely-db", "postgres", Map.of());
            DemoAccount.createCluster(east, "arn-aurora", "aurora-postgresql", true);
            DemoAccount.createCluster(east, "plain-aurora", "aurora-mysql", true);
            east.createDBCluster(r -> r.dbClusterIdentifier("payments-aurora").engine("aurora-postgresql")
                    .masterUsername("admin").masterUserPassword("demo-password-1")
                    .tags(t -> t.key("team").value("payments")));
        }
        Map<String, String> plan = Map.of("region", EAST, "planId", "plan-0001", "planName", "daily-rds");
        proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeDBSnapshots") && "awsbackup".equals(r.form("SnapshotType"))
                                && r.region().equals(EAST),
                        r -> new Response(200, "text/xml",
                                recorded("DescribeDBSnapshots-awsbackup.xml", Map.of("region", EAST, "instance", "snap-db"))))
                .when(r -> r.path().equals("/backup/plans/") && r.region().equals(EAST),
                        r -> json(recorded("ListBackupPlans.json", plan)))
                .when(r -> r.path().equals("/backup/plans/"),
                        r -> json(recorded("ListBackupPlans-empty.json", Map.of())))
                .when(r -> r.path().equals("/backup/plans/plan-0001/selections/"),
                        r -> json(recorded("ListBackupSelections.json", plan)))
                .when(r -> r.path().equals("/backup/plans/plan-0001/selections/sel-by-arn"),
                        r -> json(recorded("GetBackupSelection-by-arn.json", plan)))
                .when(r -> r.path().equals("/backup/plans/plan-0001/selections/sel-by-tag"),
                        r -> json(recorded("GetBackupSelection-by-tag.json", plan)))
                .when(r -> r.path().equals("/backup/plans/plan-0001/selections/sel-tags-only"),
                        r -> json(recorded("GetBackupSelection-tags-only.json", plan)))
                .when(r -> r.method().equals("GET") && r.path().equals("/account-settings"),
                        r -> json(recorded("DescribeRegionSettings.json",
                                Map.of("rds", rdsOptIn.get(), "aurora", auroraOptIn.get()))));
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    private static Response json(String body) {
        return new Response(200, "application/json", body);
    }

    private static String arn(String region, String db) {
        return "arn:aws:rds:" + region + ":123456789012:db:" + db;
    }

    private static String clusterArn(String cluster) {
        return "arn:aws:rds:" + EAST + ":123456789012:cluster:" + cluster;
    }

    private static ScanResult scanResult(List<String> regions, String... rules) {
        try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), regions))) {
            ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(List.of(rules)), (r, d, t, n) -> { });
            assertThat(result.faults()).isEmpty();
            return result;
        }
    }

    /** The checks of rules that judge different resources, by resource. */
    private static Map<String, Check> scan(List<String> regions, String... rules) {
        return scanResult(regions, rules).checkList().stream().collect(Collectors.toMap(Check::resource, c -> c));
    }

    @Test
    void auroraClustersAreJudgedBySelectionAndAuroraOptInNotByTheDbInstanceType() {
        Map<String, Check> checks = scan(List.of(EAST, WEST), "Vigil-Backup-003");
        assertThat(checks.values().stream().collect(Collectors.toMap(Check::resource, Check::status)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        clusterArn("arn-aurora"), Status.SUCCESS,        // by-arn names it
                        clusterArn("payments-aurora"), Status.SUCCESS,   // tags-only, Aurora opted in
                        clusterArn("plain-aurora"), Status.FAILURE));    // by-tag names the db type only
        assertThat(checks.get(clusterArn("payments-aurora")).message()).contains("tags-only", "Aurora is opted in");
        assertThat(checks.get(clusterArn("plain-aurora")).remedy())
                .isEqualTo(new ProtectClusterWithBackupPlan(clusterArn("plain-aurora"), "plain-aurora"));
    }

    @Test
    void auroraHasAnOptInOfItsOwn() {
        auroraOptIn.set("false");
        try {
            Map<String, Check> checks = scan(List.of(EAST), "Vigil-Backup-003", "Backup-001");
            assertThat(checks.get(clusterArn("payments-aurora")).status()).isEqualTo(Status.FAILURE);
            assertThat(checks.get(clusterArn("payments-aurora")).message())
                    .contains("tags-only", "Aurora is not opted in to AWS Backup in this region");
            assertThat(checks.get(clusterArn("arn-aurora")).status()).isEqualTo(Status.SUCCESS);
            // RDS is still opted in: the DB instance selected by the same tags stays covered
            assertThat(checks.get(arn(EAST, "payments-db")).status()).isEqualTo(Status.SUCCESS);
        } finally {
            auroraOptIn.set("true");
        }
    }

    @Test
    void theClusterRuleBesideBackup001AndRds035MakesNoCallOfItsOwn() {
        int before = proxy.requests().size();
        scanResult(List.of(EAST), "Backup-001", "RDS-035");
        int withoutIt = proxy.requests().size() - before;
        before = proxy.requests().size();
        scanResult(List.of(EAST), "Backup-001", "RDS-035", "Vigil-Backup-003");
        var mine = proxy.requests().subList(before, proxy.requests().size());
        assertThat(mine).hasSize(withoutIt);
        assertThat(mine).filteredOn(r -> r.path().equals("/account-settings")).hasSize(1);
        assertThat(mine).filteredOn(r -> r.operation().equals("DescribeDBClusters")).hasSize(1);
    }

    @Test
    void eachInstanceIsJudgedBySnapshotOrSelection() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of(EAST, WEST, "us-west-2")))) {
            ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(List.of("Backup-001")),
                    (r, d, t, n) -> { });

            assertThat(result.checkList().stream().collect(Collectors.toMap(Check::resource, Check::status)))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            arn(EAST, "snap-db"), Status.SUCCESS,
                            arn(EAST, "arn-db"), Status.SUCCESS,
                            arn(EAST, "tag-db"), Status.SUCCESS,
                            arn(EAST, "dev-db"), Status.FAILURE,
                            arn(EAST, "excluded-db"), Status.FAILURE,
                            arn(EAST, "plain-db"), Status.FAILURE,
                            arn(EAST, "payments-db"), Status.SUCCESS,
                            arn(WEST, "lonely-db"), Status.FAILURE));
            assertThat(result.notes()).extracting(Note::text).containsExactlyInAnyOrder(
                    "AWS Backup is in use for Amazon RDS in us-east-1 (4 of 7 DB instances protected)",
                    "AWS Backup is not in use for Amazon RDS in eu-west-1 (0 of 1 DB instances protected)");
            Check tagged = result.checkList().stream().filter(c -> c.resourceName().equals("tag-db")).findFirst()
                    .orElseThrow();
            assertThat(tagged.message()).contains("daily-rds", "by-tag");
            assertThat(result.faults()).isEmpty();
        }
    }

    @Test
    void snapshotsAreAskedForWithTheAwsBackupTypeAndOnlyWhereThereAreInstances() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of(EAST, "us-west-2")))) {
            int before = proxy.requests().size();
            new LiveScanner(aws).scan(Catalog.load().select(List.of("Backup-001")), (r, d, t, n) -> { });
            var mine = proxy.requests().subList(before, proxy.requests().size());
            assertThat(mine).filteredOn(r -> r.operation().equals("DescribeDBSnapshots"))
                    .hasSize(1).allMatch(r -> "awsbackup".equals(r.form("SnapshotType")) && r.region().equals(EAST));
            assertThat(mine).filteredOn(r -> r.region().equals("us-west-2"))
                    .extracting(EmulatorProxy.Request::operation).containsExactly("DescribeDBInstances");
            // one GetBackupSelection per selection, nothing described twice
            assertThat(mine).filteredOn(r -> r.path().startsWith("/backup/plans/plan-0001/selections/sel-"))
                    .extracting(EmulatorProxy.Request::path).doesNotHaveDuplicates().hasSize(3);
            // the region's opt-in once per region with instances
            assertThat(mine).filteredOn(r -> r.path().equals("/account-settings")).extracting(EmulatorProxy.Request::region)
                    .containsExactly(EAST);
        }
    }

    @Test
    void aSelectionByTagsOnlyCoversNothingWhereRdsIsNotOptedInWhileOneNamingTheDbTypeStillDoes() {
        rdsOptIn.set("false");
        try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of(EAST)))) {
            ScanResult result = new LiveScanner(aws).scan(Catalog.load().select(List.of("Backup-001")),
                    (r, d, t, n) -> { });
            Map<String, Check> checks = result.checkList().stream()
                    .collect(Collectors.toMap(Check::resource, c -> c));
            assertThat(checks.get(arn(EAST, "payments-db")).status()).isEqualTo(Status.FAILURE);
            assertThat(checks.get(arn(EAST, "payments-db")).message())
                    .contains("tags-only", "RDS is not opted in to AWS Backup in this region");
            assertThat(checks.get(arn(EAST, "arn-db")).status()).isEqualTo(Status.SUCCESS);
            assertThat(checks.get(arn(EAST, "tag-db")).status()).isEqualTo(Status.SUCCESS);   // names the db type
        } finally {
            rdsOptIn.set("true");
        }
    }
}
