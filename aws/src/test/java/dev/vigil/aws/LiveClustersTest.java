package dev.vigil.aws;

import static dev.vigil.aws.EmulatorProxy.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.EmulatorProxy.Response;
import dev.vigil.aws.collect.ElastiCacheClusterCollector;
import dev.vigil.aws.collect.RdsClusterCollector;
import dev.vigil.aws.collect.RedshiftClusterCollector;
import dev.vigil.aws.collect.RegionContext;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.aws.remediate.Applied;
import dev.vigil.aws.remediate.Change;
import dev.vigil.aws.remediate.Change.State;
import dev.vigil.aws.remediate.FixSettings;
import dev.vigil.aws.remediate.LiveFixer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.ElastiCacheCluster;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.RedshiftCluster;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.remedy.SetDocumentDbBackupRetention;
import dev.vigil.core.rule.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;

/**
 * The cluster family on moto, seeded once as {@code vigil demo} seeds it (plus a cache cluster outside any replication
 * group and a Memcached cluster): Aurora, Neptune, Redshift and ElastiCache from one call per API, judged by RDS-034,
 * RDS-035, RDS-042, Neptune-003, RS-019 and Vigil-ElastiCache-001, then fixed. moto has no DocumentDB engine and no
 * ModifyCacheCluster: recorded responses in the shapes AWS documents stand in for DescribeDBClusters (DocumentDB
 * clusters) and ModifyCacheCluster, in the tests that say so. The fix test changes the account and runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveClustersTest {

    private static final String REGION = "us-east-1";
    private static final List<String> FAMILY = List.of("RDS-034", "RDS-035", "RDS-042", "DocumentDB-001",
            "Neptune-003", "RS-019", "Vigil-ElastiCache-001");
    private static MotoServer moto;

    @BeforeAll
    static void seed() {
        moto = Emulator.fresh();
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of(REGION)))) {
            DemoAccount.seedClusters(aws);
            ElastiCacheClient elastiCache = aws.client(ElastiCacheClient::builder, REGION);
            elastiCache.createCacheCluster(r -> r.cacheClusterId("feature-flags").engine("redis")
                    .cacheNodeType("cache.t4g.micro").numCacheNodes(1));
            elastiCache.createCacheCluster(r -> r.cacheClusterId("page-cache").engine("memcached")
                    .cacheNodeType("cache.t4g.micro").numCacheNodes(1));
        }
    }

    @Test
    void everyRuleOfTheFamilyJudgesTheSeededAccountFromOneCallPerApi() {
        RuleScan scan = RuleScan.of(moto.endpoint(), List.of(REGION), FAMILY);
        assertThat(scan.statuses()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("RDS-035 orders-aurora", Status.SUCCESS), Map.entry("RDS-035 analytics-aurora", Status.FAILURE),
                Map.entry("RDS-035 ledger-aurora", Status.SUCCESS), Map.entry("RDS-035 events-aurora", Status.SUCCESS),
                Map.entry("RDS-034 ledger-aurora", Status.SUCCESS), Map.entry("RDS-034 events-aurora", Status.FAILURE),
                Map.entry("RDS-042 orders-aurora", Status.SUCCESS), Map.entry("RDS-042 analytics-aurora", Status.FAILURE),
                Map.entry("RDS-042 ledger-aurora", Status.SUCCESS), Map.entry("RDS-042 events-aurora", Status.SUCCESS),
                Map.entry("Neptune-003 social-graph", Status.SUCCESS),
                Map.entry("Neptune-003 recommendations-graph", Status.FAILURE),
                Map.entry("RS-019 warehouse", Status.SUCCESS), Map.entry("RS-019 scratch-warehouse", Status.FAILURE),
                Map.entry("Vigil-ElastiCache-001 sessions", Status.SUCCESS),
                Map.entry("Vigil-ElastiCache-001 rate-limits", Status.FAILURE),
                Map.entry("Vigil-ElastiCache-001 feature-flags", Status.FAILURE)));
        assertThat(scan.check("RS-019", "warehouse").resource())
                .isEqualTo("arn:aws:redshift:us-east-1:123456789012:cluster:warehouse");
        assertThat(scan.check("Vigil-ElastiCache-001", "feature-flags").resource())
                .isEqualTo("arn:aws:elasticache:us-east-1:123456789012:cluster:feature-flags");
        assertThat(scan.check("RDS-034", "ledger-aurora").properties()).containsEntry("backtrackWindowSeconds", 86_400L);
        assertThat(scan.check("Neptune-003", "recommendations-graph").message())
                .isEqualTo("Backup retention period is 1 day, less than 7 days");
        // the minimum: one call per API in the region, whatever the number of resources and rules
        assertThat(scan.stats().snapshot()).containsOnlyKeys("sts:GetCallerIdentity", "ec2:DescribeRegions",
                "rds:DescribeDBClusters", "redshift:DescribeClusters", "elasticache:DescribeReplicationGroups",
                "elasticache:DescribeCacheClusters");
        assertThat(scan.stats().snapshot().values()).allMatch(c -> c.calls() == 1);
    }

    @Test
    void documentDbClustersComeFromTheSameRdsCall() throws Exception {
        // moto rejects the docdb engine: DescribeDBClusters is answered with DocumentDB clusters as AWS documents them
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeDBClusters"), r -> new Response(200, "text/xml",
                        recorded("DescribeDBClusters-docdb.xml", Map.of("region", r.region()))))) {
            RuleScan scan = RuleScan.of(proxy.endpoint(), List.of(REGION),
                    List.of("DocumentDB-001", "RDS-035", "RDS-042"));
            assertThat(scan.statuses()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "DocumentDB-001 catalog-docs", Status.SUCCESS, "DocumentDB-001 orders-docs", Status.FAILURE));
            assertThat(scan.check("DocumentDB-001", "orders-docs").remedy())
                    .isEqualTo(new SetDocumentDbBackupRetention("orders-docs", "7"));
            assertThat(proxy.requests("DescribeDBClusters")).hasSize(1);
        }
    }

    @Test
    void accessDeniedOnRedshiftIsAnErrorOfThatScopeWhileTheRestCompletes() throws Exception {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeClusters"), r -> new Response(403, "text/xml",
                        recorded("Redshift-AccessDenied.xml", Map.of("region", r.region()))))) {
            RuleScan scan = RuleScan.of(proxy.endpoint(), List.of(REGION),
                    List.of("RS-019", "Vigil-ElastiCache-001"));
            assertThat(scan.result().checkList().stream().collect(Collectors.toMap(Check::resource, Check::status)))
                    .containsEntry("redshift:DescribeClusters@123456789012/us-east-1", Status.ERROR)
                    .containsEntry("arn:aws:elasticache:us-east-1:123456789012:replicationgroup:sessions", Status.SUCCESS)
                    .hasSize(4);
            assertThat(scan.result().checkList()).filteredOn(c -> c.status() == Status.ERROR).singleElement()
                    .extracting(Check::message).asString().startsWith("AccessDenied: User: arn:aws:iam::123456789012:user/auditor is not authorized");
            assertThat(proxy.requests("DescribeClusters")).hasSize(1);
        }
    }

    @Test
    void answersMissingWhatAwsAlwaysSendsAreFaultsOfTheirScopeNeverFewerClusters() throws Exception {
        // HTTP 200 with a Redshift body without its Clusters list, and a DB cluster without identifier or ARN
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeClusters"), r -> new Response(200, "text/xml",
                        "<DescribeClustersResponse xmlns=\"http://redshift.amazonaws.com/doc/2012-12-01/\">"
                                + "<DescribeClustersResult/></DescribeClustersResponse>"))
                .when(r -> r.operation().equals("DescribeDBClusters"), r -> new Response(200, "text/xml",
                        recorded("DescribeDBClusters-no-identifier.xml", Map.of("region", r.region()))))) {
            RuleScan scan = RuleScan.of(proxy.endpoint(), List.of(REGION), List.of("RS-019", "RDS-034"));
            assertThat(scan.result().checkList().stream().collect(Collectors.toMap(Check::resource, Check::status)))
                    .containsOnly(Map.entry("redshift:DescribeClusters@123456789012/us-east-1", Status.ERROR),
                            Map.entry("arn:aws:rds:us-east-1:123456789012:cluster:ledger-aurora", Status.SUCCESS),
                            Map.entry("rds:DescribeDBClusters@123456789012/us-east-1", Status.ERROR));
            assertThat(scan.result().faults()).extracting(f -> f.message()).containsExactlyInAnyOrder(
                    "AWS answered without Clusters, which it always sends: the body was empty or not a "
                            + "redshift:DescribeClusters response",
                    "AWS answered 1 DB cluster(s) without the DBClusterIdentifier or DBClusterArn it always sends; "
                            + "they cannot be judged");
        }
    }

    @Test
    void namedClustersAreReadWithTheFewestCallsAndGoneOnesAreAbsent() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of(REGION)))) {
            RegionContext region = new RegionContext(aws, "123456789012", REGION);
            Inventory named = new Inventory();
            new RdsClusterCollector().collect(region, Set.of("events-aurora", "deleted-cluster"), named);
            new RedshiftClusterCollector().collect(region,
                    Set.of("warehouse", "arn:aws:redshift:us-east-1:123456789012:cluster:scratch-warehouse", "gone"),
                    named);
            new ElastiCacheClusterCollector().collect(region, Set.of("rate-limits"), named);
            assertThat(named.all(RdsCluster.class)).extracting(RdsCluster::name).containsExactly("events-aurora");
            assertThat(named.all(RedshiftCluster.class)).extracting(RedshiftCluster::name)
                    .containsExactlyInAnyOrder("warehouse", "scratch-warehouse");
            assertThat(named.all(ElastiCacheCluster.class)).singleElement()
                    .satisfies(c -> assertThat(c.name()).isEqualTo("rate-limits"));
            assertThat(named.faults()).isEmpty();
            assertThat(aws.stats().calls("rds:DescribeDBClusters")).isEqualTo(1);
            assertThat(aws.stats().calls("redshift:DescribeClusters")).isEqualTo(3);
            assertThat(aws.stats().calls("elasticache:DescribeReplicationGroups")).isEqualTo(1);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void failingClustersArePlannedFromTheirCurrentValueAndFixedLiveExceptBacktrack() throws Exception {
        // moto has no ModifyCacheCluster: it is answered as AWS documents it, and the request it got is checked
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("ModifyCacheCluster"), r -> new Response(200, "text/xml",
                        recorded("ModifyCacheCluster.xml", Map.of("region", r.region(),
                                "cacheClusterId", r.form("CacheClusterId"), "days", r.form("SnapshotRetentionLimit")))));
             AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of(REGION)))) {
            List<Check> failing = failing(aws);
            LiveFixer fixer = new LiveFixer(aws, "123456789012", new FixSettings(BackupPlanDefaults.PLAN_NAME, false));
            List<Change> plan = fixer.plan(failing, false);
            assertThat(plan.stream().map(c -> c.state() + " " + c.action() + " " + c.resource() + " " + c.before()))
                    .containsExactlyInAnyOrder(
                            "BLOCKED none events-aurora as scanned",
                            "TO_DO rds:ModifyDBCluster analytics-aurora DeletionProtection=false",
                            "TO_DO rds:ModifyDBCluster analytics-aurora CopyTagsToSnapshot=false",
                            "TO_DO rds:ModifyDBCluster recommendations-graph BackupRetentionPeriod=1",
                            "TO_DO redshift:ModifyCluster scratch-warehouse AutomatedSnapshotRetentionPeriod=0",
                            "TO_DO elasticache:ModifyReplicationGroup rate-limits SnapshotRetentionLimit=0",
                            "TO_DO elasticache:ModifyCacheCluster feature-flags SnapshotRetentionLimit=0");
            assertThat(plan).filteredOn(c -> c.state() == State.BLOCKED).singleElement()
                    .satisfies(c -> assertThat(c.blockedBy()).startsWith("AWS turns backtracking on only when a "
                            + "cluster is created or restored").contains("vigil explain RDS-034"));

            RecordedJournal journal = new RecordedJournal();
            List<Applied> applied = fixer.apply(plan, journal);
            assertThat(journal.events).hasSize(2 * applied.size())
                    .contains("intent elasticache:ModifyCacheCluster feature-flags");
            assertThat(applied).allSatisfy(a -> assertThat(a.ok()).as(a.error()).isTrue());
            assertThat(applied.stream().map(a -> a.change().resource() + " " + a.after())).containsExactlyInAnyOrder(
                    "analytics-aurora DeletionProtection=true", "analytics-aurora CopyTagsToSnapshot=true",
                    "recommendations-graph BackupRetentionPeriod=7", "scratch-warehouse AutomatedSnapshotRetentionPeriod=1",
                    "rate-limits SnapshotRetentionLimit=1", "feature-flags SnapshotRetentionLimit=1");
            EmulatorProxy.Request modify = proxy.requests("ModifyCacheCluster").getFirst();
            assertThat(modify.form("SnapshotRetentionLimit")).isEqualTo("1");
            assertThat(modify.form("ApplyImmediately")).isNull();

            // moto kept every change but the stubbed one; backtracking stays to be done by hand
            assertThat(failing(aws)).extracting(c -> c.rule().id() + " " + c.resourceName())
                    .containsExactlyInAnyOrder("RDS-034 events-aurora", "Vigil-ElastiCache-001 feature-flags");
            assertThat(fixer.plan(failing, false).stream().filter(c -> c.state() == State.IN_PLACE).count()).isEqualTo(5);
        }
    }

    private static List<Check> failing(AwsConnection aws) {
        return new LiveScanner(aws).scan(Catalog.load().select(FAMILY), (r, d, t, n) -> { }).checkList().stream()
                .filter(c -> c.status() == Status.FAILURE).toList();
    }
}
