package dev.vigil.aws;

import static dev.vigil.aws.EmulatorProxy.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.aws.EmulatorProxy.Response;
import dev.vigil.aws.collect.RdsManualSnapshotCollector;
import dev.vigil.aws.collect.RegionContext;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.DemoAccount.Database;
import dev.vigil.aws.emulator.DemoAccount.DbSnapshot;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.aws.remediate.Applied;
import dev.vigil.aws.remediate.Change;
import dev.vigil.aws.remediate.Change.State;
import dev.vigil.aws.remediate.FixSettings;
import dev.vigil.aws.remediate.LiveFixer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsManualSnapshot;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.remedy.RaiseBackupRetention;
import dev.vigil.core.rule.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The RDS instance and snapshot rules (RDS-002, RDS-003, RDS-023, RDS-026, RDS-031, RDS-040) on moto, seeded once:
 * verdicts, call counts per kind and region, faults of a region or of one call, named re-reads and the live fixes.
 * Recorded answers in AWS's documented shape stand in for what moto never sends (an access denial of one call, a body
 * without its list, an instance without its retention).
 */
class LiveScanRdsTest {

    private static final String ACCOUNT = "123456789012";
    private static final String EAST = "us-east-1";
    private static final String WEST = "eu-west-1";
    private static final List<String> RULES = List.of("RDS-002", "RDS-003", "RDS-023", "RDS-026", "RDS-031",
            "RDS-040");

    private static MotoServer moto;
    private static EmulatorProxy proxy;

    @BeforeAll
    static void seed() throws Exception {
        moto = Emulator.fresh();
        proxy = new EmulatorProxy(moto.endpoint());
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            RdsClient east = aws.client(RdsClient::builder, EAST);
            DemoAccount.createDatabase(east, new Database("billing-db", true, 7, true, true));
            DemoAccount.createDatabase(east, new Database("reporting-db", false, 0, false, false));
            DemoAccount.createDatabase(east, new Database("staging-db", false, 1, false, false));
            east.createDBInstanceReadReplica(r -> r.dbInstanceIdentifier("billing-replica")
                    .sourceDBInstanceIdentifier("billing-db").copyTagsToSnapshot(false).deletionProtection(false));
            DemoAccount.createCluster(east, "ledger", "aurora-postgresql", false);
            east.createDBInstance(r -> r.dbInstanceIdentifier("ledger-1").dbClusterIdentifier("ledger")
                    .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
            List.of(new DbSnapshot("billing-before-upgrade", "billing-db", false, false),
                    new DbSnapshot("reporting-export", "reporting-db", false, true),
                    new DbSnapshot("staging-nightly", "staging-db", false, false),
                    new DbSnapshot("ledger-monthly", "ledger", true, true))
                    .forEach(s -> DemoAccount.createSnapshot(east, s));
            DemoAccount.createDatabase(aws.client(RdsClient::builder, WEST),
                    new Database("west-db", false, 14, true, true));
        }
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @Test
    void everyRuleJudgesTheSeededResourcesWithOneListingPerKindAndRegion() {
        RuleScan scan = RuleScan.of(proxy.endpoint(), List.of(EAST, WEST), RULES);
        assertThat(scan.verdicts()).containsExactlyInAnyOrder(
                tuple("RDS-002", "billing-db", Status.SUCCESS),
                tuple("RDS-002", "reporting-db", Status.FAILURE),
                tuple("RDS-002", "staging-db", Status.SUCCESS),
                tuple("RDS-002", "west-db", Status.SUCCESS),
                tuple("RDS-003", "billing-db", Status.SUCCESS),
                tuple("RDS-003", "reporting-db", Status.FAILURE),
                tuple("RDS-003", "staging-db", Status.FAILURE),
                tuple("RDS-003", "west-db", Status.SUCCESS),
                tuple("RDS-026", "billing-db", Status.SUCCESS),
                tuple("RDS-026", "reporting-db", Status.FAILURE),
                tuple("RDS-026", "staging-db", Status.FAILURE),
                tuple("RDS-026", "billing-replica", Status.FAILURE),
                tuple("RDS-026", "west-db", Status.SUCCESS),
                tuple("RDS-031", "billing-db", Status.SUCCESS),
                tuple("RDS-031", "reporting-db", Status.FAILURE),
                tuple("RDS-031", "staging-db", Status.FAILURE),
                tuple("RDS-031", "billing-replica", Status.FAILURE),
                tuple("RDS-031", "west-db", Status.SUCCESS),
                tuple("RDS-023", "billing-before-upgrade", Status.SUCCESS),
                tuple("RDS-023", "reporting-export", Status.FAILURE),
                tuple("RDS-023", "staging-nightly", Status.SUCCESS),
                tuple("RDS-023", "ledger-monthly", Status.FAILURE),
                tuple("RDS-040", "billing-before-upgrade", Status.SUCCESS),
                tuple("RDS-040", "reporting-export", Status.FAILURE),
                tuple("RDS-040", "staging-nightly", Status.FAILURE),
                tuple("RDS-040", "ledger-monthly", Status.FAILURE));
        assertThat(scan.check("RDS-023", "ledger-monthly").resource())
                .isEqualTo("arn:aws:rds:us-east-1:123456789012:cluster-snapshot:ledger-monthly");
        assertThat(scan.check("RDS-003", "billing-db").properties()).containsEntry("backupRetentionDays", 7L);
        // per region one listing of instances and one of each snapshot kind, shared by the rules that read them; the
        // restore attribute only of unencrypted manual snapshots (billing-before-upgrade is encrypted)
        assertThat(scan.stats().calls("rds:DescribeDBInstances")).isEqualTo(2);
        assertThat(scan.stats().calls("rds:DescribeDBSnapshots")).isEqualTo(2);
        assertThat(scan.stats().calls("rds:DescribeDBClusterSnapshots")).isEqualTo(2);
        assertThat(scan.stats().calls("rds:DescribeDBSnapshotAttributes")).isEqualTo(2);
        assertThat(scan.stats().calls("rds:DescribeDBClusterSnapshotAttributes")).isEqualTo(1);
        assertThat(proxy.requests("DescribeDBSnapshots")).allSatisfy(r -> {
            assertThat(r.form("SnapshotType")).isEqualTo("manual");
            assertThat(r.form("MaxRecords")).isEqualTo("100");
        });
    }

    @Test
    void onlyTheCallsTheSelectedRulesNeedAreMade() {
        RuleScan encryption = RuleScan.of(proxy.endpoint(), List.of(EAST), List.of("RDS-040"));
        assertThat(encryption.stats().calls("rds:DescribeDBSnapshots")).isEqualTo(1);
        assertThat(encryption.stats().calls("rds:DescribeDBClusterSnapshots")).isEqualTo(1);
        assertThat(encryption.stats().calls("rds:DescribeDBSnapshotAttributes")).isZero();
        assertThat(encryption.stats().calls("rds:DescribeDBClusterSnapshotAttributes")).isZero();
        assertThat(encryption.stats().calls("rds:DescribeDBInstances")).isZero();
        RuleScan protection = RuleScan.of(proxy.endpoint(), List.of(EAST), List.of("RDS-031"));
        assertThat(protection.stats().calls("rds:DescribeDBInstances")).isEqualTo(1);
        assertThat(protection.stats().calls("rds:DescribeDBSnapshots")).isZero();
    }

    @Test
    void aDeniedAttributeCallLeavesOnlyThoseSnapshotsUndecidedAndIsNotRepeated() throws Exception {
        try (EmulatorProxy denied = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeDBSnapshotAttributes"), r -> new Response(403, "text/xml",
                        recorded("Rds-AccessDenied.xml", Map.of("action", "rds:DescribeDBSnapshotAttributes"))))) {
            RuleScan scan = RuleScan.of(denied.endpoint(), List.of(EAST), List.of("RDS-023", "RDS-040"));
            assertThat(scan.verdicts()).contains(
                    tuple("RDS-023", "billing-before-upgrade", Status.SUCCESS),
                    tuple("RDS-023", "reporting-export", Status.ERROR),
                    tuple("RDS-023", "staging-nightly", Status.ERROR),
                    tuple("RDS-023", "ledger-monthly", Status.FAILURE),
                    tuple("RDS-040", "reporting-export", Status.FAILURE));
            assertThat(scan.check("RDS-023", "staging-nightly").message())
                    .contains("rds:DescribeDBSnapshotAttributes failed: AccessDenied");
            assertThat(denied.requests("DescribeDBSnapshotAttributes")).hasSize(1);
        }
    }

    @Test
    void aListingWithoutItsListIsAFaultOfItsRegionAndTheOtherListingStands() throws Exception {
        try (EmulatorProxy broken = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeDBClusterSnapshots"), r -> new Response(200, "text/xml",
                        recorded("DescribeDBClusterSnapshots-no-list.xml", Map.of())))) {
            RuleScan scan = RuleScan.of(broken.endpoint(), List.of(EAST), List.of("RDS-040"));
            assertThat(scan.verdicts()).containsExactlyInAnyOrder(
                    tuple("RDS-040", "billing-before-upgrade", Status.SUCCESS),
                    tuple("RDS-040", "reporting-export", Status.ERROR),
                    tuple("RDS-040", "staging-nightly", Status.ERROR),
                    tuple("RDS-040", ACCOUNT + "/" + EAST, Status.ERROR));
            assertThat(scan.check("RDS-040", ACCOUNT + "/" + EAST).message())
                    .contains("AWS answered without DBClusterSnapshots, which it always sends");
            assertThat(scan.check("RDS-040", "staging-nightly").message()).startsWith("cannot be decided");
        }
    }

    @Test
    void anInstanceWithoutTheRetentionAwsAlwaysSendsIsAnErrorOfThatInstanceOnly() throws Exception {
        try (EmulatorProxy broken = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeDBInstances"), r -> new Response(200, "text/xml",
                        recorded("DescribeDBInstances-no-retention.xml", Map.of("region", EAST))))) {
            RuleScan scan = RuleScan.of(broken.endpoint(), List.of(EAST), List.of("RDS-002", "RDS-031"));
            assertThat(scan.verdicts()).containsExactlyInAnyOrder(tuple("RDS-002", "ledger-db", Status.ERROR),
                    tuple("RDS-031", "ledger-db", Status.SUCCESS));
            assertThat(scan.check("RDS-002", "ledger-db").message())
                    .isEqualTo("Its backup retention could not be read: AWS did not report BackupRetentionPeriod");
        }
    }

    @Test
    void aReCheckReadsOnlyTheNamedSnapshots() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of(EAST)))) {
            Inventory named = new Inventory();
            new RdsManualSnapshotCollector().collect(new RegionContext(aws, ACCOUNT, EAST), Set.of("reporting-export",
                    "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:ledger-monthly", "deleted-snapshot"), named);
            assertThat(named.all(RdsManualSnapshot.class)).extracting(RdsManualSnapshot::name,
                            RdsManualSnapshot::cluster, RdsManualSnapshot::publiclyRestorable)
                    .containsExactlyInAnyOrder(tuple("reporting-export", false, Value.known(true)),
                            tuple("ledger-monthly", true, Value.known(true)));
            assertThat(named.faults()).isEmpty();
            assertThat(aws.stats().calls("rds:DescribeDBSnapshots")).isEqualTo(1);
            assertThat(aws.stats().calls("rds:DescribeDBClusterSnapshots")).isEqualTo(1);
        }
    }

    @Test
    void protectionTagsRetentionAndPublicSnapshotsAreFixedLiveTheRestIsPlanOnly() {
        String region = "ap-southeast-2";
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            RdsClient rds = aws.client(RdsClient::builder, region);
            DemoAccount.createDatabase(rds, new Database("fix-open", false, 1, false, true));
            DemoAccount.createDatabase(rds, new Database("fix-off", false, 0, true, true));
            DemoAccount.createCluster(rds, "fix-cluster", "aurora-mysql", true);
            DemoAccount.createSnapshot(rds, new DbSnapshot("fix-export", "fix-open", false, true));
            DemoAccount.createSnapshot(rds, new DbSnapshot("fix-cluster-export", "fix-cluster", true, true));
        }
        try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of(region)))) {
            LiveFixer fixer = new LiveFixer(aws, ACCOUNT, new FixSettings(BackupPlanDefaults.PLAN_NAME, false));
            List<Check> failing = failing(aws);
            List<Change> plan = fixer.plan(failing, false);
            assertThat(plan).extracting(Change::action, Change::resource, Change::before, Change::state)
                    .containsExactlyInAnyOrder(
                            tuple("rds:ModifyDBInstance", "fix-open", "BackupRetentionPeriod=1", State.TO_DO),
                            tuple("rds:ModifyDBInstance", "fix-open", "CopyTagsToSnapshot=false", State.TO_DO),
                            tuple("none", "fix-off", "as scanned", State.BLOCKED),   // RDS-002
                            tuple("none", "fix-off", "as scanned", State.BLOCKED),   // RDS-003 with backups off
                            tuple("rds:ModifyDBSnapshotAttribute", "fix-export", "public=true", State.TO_DO),
                            tuple("rds:ModifyDBClusterSnapshotAttribute", "fix-cluster-export", "public=true",
                                    State.TO_DO),
                            tuple("none", "fix-export", "as scanned", State.BLOCKED),
                            tuple("none", "fix-cluster-export", "as scanned", State.BLOCKED));
            assertThat(plan).filteredOn(c -> c.resource().equals("fix-off")).allSatisfy(c -> assertThat(c.blockedBy())
                    .startsWith("turning automated backups on (a retention of 0 days raised to more) causes an outage"));

            List<Applied> applied = fixer.apply(plan, new RecordedJournal());
            assertThat(applied).hasSize(4).allSatisfy(a -> assertThat(a.ok()).as(a.error()).isTrue());
            assertThat(applied).extracting(Applied::after).containsExactlyInAnyOrder("BackupRetentionPeriod=7",
                    "CopyTagsToSnapshot=true", "public=false", "public=false");

            assertThat(failing(aws)).extracting(c -> c.rule().id(), Check::resourceName).containsExactlyInAnyOrder(
                    tuple("RDS-002", "fix-off"), tuple("RDS-003", "fix-off"), tuple("RDS-040", "fix-export"),
                    tuple("RDS-040", "fix-cluster-export"));
            assertThat(fixer.plan(failing, true)).extracting(Change::resource, Change::state).containsExactlyInAnyOrder(
                    tuple("fix-open", State.IN_PLACE), tuple("fix-open", State.IN_PLACE),
                    tuple("fix-off", State.BLOCKED), tuple("fix-off", State.BLOCKED),
                    tuple("fix-export", State.IN_PLACE), tuple("fix-cluster-export", State.IN_PLACE),
                    tuple("fix-export", State.BLOCKED), tuple("fix-cluster-export", State.BLOCKED));

            // a retention fix planned for an instance whose backups were turned off since: blocked, never an outage
            aws.client(RdsClient::builder, region).modifyDBInstance(r -> r.dbInstanceIdentifier("fix-open")
                    .backupRetentionPeriod(0));
            Check stale = failing.stream().filter(c -> c.remedy() instanceof RaiseBackupRetention).findFirst()
                    .orElseThrow();
            assertThat(fixer.plan(List.of(stale), true)).singleElement().satisfies(c -> {
                assertThat(c.state()).isEqualTo(State.BLOCKED);
                assertThat(c.before()).isEqualTo("BackupRetentionPeriod=0");
                assertThat(c.blockedBy()).startsWith("automated backups are off, and turning them on causes an outage");
            });
        }
    }

    private static List<Check> failing(AwsConnection aws) {
        return new LiveScanner(aws).scan(Catalog.load().select(RULES), (r, d, t, n) -> { }).checkList().stream()
                .filter(c -> c.status() == Status.FAILURE).toList();
    }
}
