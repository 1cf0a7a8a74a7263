package dev.vigil.aws;

import static dev.vigil.aws.EmulatorProxy.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.EmulatorProxy.Response;
import dev.vigil.aws.collect.CollectorCatalog;
import dev.vigil.aws.collect.Reads;
import dev.vigil.aws.collect.RegionContext;
import dev.vigil.aws.collect.S3BucketCollector;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.DemoAccount.BucketSettings;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.aws.remediate.Applied;
import dev.vigil.aws.remediate.Change;
import dev.vigil.aws.remediate.Change.State;
import dev.vigil.aws.remediate.FixSettings;
import dev.vigil.aws.remediate.LiveFixer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.S3Bucket;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3-012, S3-013, S3-020 and S3-023 on moto, seeded once with the demo's buckets (DemoAccount.BUCKETS) in two regions.
 * moto neither keeps nor reports MFA delete: a recorded GetBucketVersioning answer, in the shape the S3 API reference
 * documents, stands in for a bucket that has it; other recorded answers inject faults.
 */
class LiveScanS3BucketTest {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    private static final List<String> RULES = List.of("S3-012", "S3-013", "S3-020", "S3-023");
    private static MotoServer moto;

    @BeforeAll
    static void seed() {
        moto = Emulator.fresh();
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), REGIONS))) {
            DemoAccount.BUCKETS.forEach((region, buckets) -> buckets.forEach((name, settings) ->
                    DemoAccount.createBucket(aws.client(S3Client::builder, region), region, name, settings)));
        }
    }

    @Test
    void everyBucketIsJudgedInItsRegionWithOneCallPerBucketAndSetting() {
        RuleScan scan = RuleScan.of(moto.endpoint(), REGIONS, RULES);
        assertThat(scan.statuses()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("S3-012 vigil-demo-records", Status.SUCCESS),
                Map.entry("S3-013 vigil-demo-records", Status.FAILURE),
                Map.entry("S3-020 vigil-demo-records", Status.SUCCESS),
                Map.entry("S3-023 vigil-demo-records", Status.SUCCESS),
                Map.entry("S3-012 vigil-demo-scratch", Status.FAILURE),
                Map.entry("S3-013 vigil-demo-scratch", Status.FAILURE),
                Map.entry("S3-020 vigil-demo-scratch", Status.FAILURE),
                Map.entry("S3-023 vigil-demo-scratch", Status.FAILURE),
                Map.entry("S3-012 vigil-demo-eu-media", Status.SUCCESS),
                Map.entry("S3-013 vigil-demo-eu-media", Status.FAILURE),
                Map.entry("S3-020 vigil-demo-eu-media", Status.FAILURE),
                Map.entry("S3-023 vigil-demo-eu-media", Status.FAILURE)));
        assertThat(scan.check("S3-012", "vigil-demo-eu-media").origin().region()).isEqualTo("eu-west-1");
        assertThat(scan.check("S3-020", "vigil-demo-records").message()).isEqualTo("1 of 1 lifecycle rule(s) enabled");
        // one listing per region, filtered by BucketRegion; one call per bucket and setting; nothing twice
        assertThat(scan.stats().calls("s3:ListBuckets")).isEqualTo(2);
        assertThat(scan.stats().calls("s3:GetBucketVersioning")).isEqualTo(3);
        assertThat(scan.stats().calls("s3:GetBucketLifecycleConfiguration")).isEqualTo(3);
        assertThat(scan.stats().calls("s3:GetObjectLockConfiguration")).isEqualTo(3);
    }

    @Test
    void aScanMakesOnlyTheCallsItsRulesReadAndAsksOnlyForTheirPermissions() {
        RuleScan scan = RuleScan.of(moto.endpoint(), REGIONS, List.of("S3-020"));
        assertThat(scan.statuses()).hasSize(3);
        assertThat(scan.stats().calls("s3:ListBuckets")).isEqualTo(2);
        assertThat(scan.stats().calls("s3:GetBucketLifecycleConfiguration")).isEqualTo(3);
        assertThat(scan.stats().calls("s3:GetBucketVersioning")).isZero();
        assertThat(scan.stats().calls("s3:GetObjectLockConfiguration")).isZero();

        List<RuleDefinition> mfa = Catalog.load().select(List.of("S3-013"));
        assertThat(CollectorCatalog.iamActions(Reads.of(mfa))).containsExactly("ec2:DescribeRegions",
                "s3:GetBucketVersioning", "s3:ListAllMyBuckets", "sts:GetCallerIdentity");
        assertThat(CollectorCatalog.iamActions(Reads.of(Catalog.load().select(RULES)))).contains(
                "s3:GetBucketObjectLockConfiguration", "s3:GetBucketVersioning", "s3:GetLifecycleConfiguration",
                "s3:ListAllMyBuckets");
    }

    /** ListBuckets, as path-style requests send it. */
    private static boolean listing(EmulatorProxy.Request r) {
        return r.method().equals("GET") && r.path().equals("/");
    }

    /** A GET of one bucket's subresource, e.g. {@code ?versioning}, as path-style requests send it. */
    private static Predicate<EmulatorProxy.Request> get(String bucket, String subresource) {
        return r -> r.method().equals("GET") && r.path().equals("/" + bucket) && r.query() != null
                && List.of(r.query().split("&")).contains(subresource);
    }

    @Test
    void faultsStayInTheirScopeAndNotConfiguredIsAFactNotAFault() throws Exception {
        String denied = recorded("S3-AccessDenied.xml", Map.of("action", "s3:GetBucketVersioning"));
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> listing(r) && r.region().equals("eu-west-1"), r -> new Response(403,
                        "application/xml", recorded("S3-AccessDenied.xml", Map.of("action", "s3:ListAllMyBuckets"))))
                .when(get("vigil-demo-scratch", "versioning"), r -> new Response(403, "application/xml", denied))
                .when(get("vigil-demo-records", "versioning"), r -> new Response(200, "application/xml",
                        recorded("GetBucketVersioning-mfa-delete.xml", Map.of())))
                .when(get("vigil-demo-records", "lifecycle"), r -> new Response(200, "application/xml",
                        recorded("GetBucketLifecycleConfiguration-no-rules.xml", Map.of())))) {
            RuleScan scan = RuleScan.of(proxy.endpoint(), REGIONS, RULES);

            // a region whose listing is denied: an ERROR per rule for that region, never a pass or a failure
            for (String rule : RULES) {
                Check region = scan.check(rule, "123456789012/eu-west-1");
                assertThat(region.resource()).isEqualTo("s3:ListBuckets@123456789012/eu-west-1");
                assertThat(region.status()).isEqualTo(Status.ERROR);
                assertThat(region.message()).contains("AccessDenied");
            }
            assertThat(scan.statuses()).doesNotContainKey("S3-012 vigil-demo-eu-media");
            // one bucket denied: ERROR for what that call reads, the bucket's other checks stand
            assertThat(scan.check("S3-012", "vigil-demo-scratch").status()).isEqualTo(Status.ERROR);
            assertThat(scan.check("S3-012", "vigil-demo-scratch").message())
                    .contains("s3:GetBucketVersioning failed: AccessDenied");
            assertThat(scan.check("S3-013", "vigil-demo-scratch").status()).isEqualTo(Status.ERROR);
            assertThat(scan.check("S3-020", "vigil-demo-scratch").status()).isEqualTo(Status.FAILURE);
            assertThat(scan.check("S3-023", "vigil-demo-scratch").status()).isEqualTo(Status.FAILURE);
            // recorded in AWS's shape: MFA delete on
            assertThat(scan.check("S3-013", "vigil-demo-records").status()).isEqualTo(Status.SUCCESS);
            // a 200 without the Rules AWS always sends is a fault of that bucket, not "no lifecycle"
            assertThat(scan.check("S3-020", "vigil-demo-records").status()).isEqualTo(Status.ERROR);
            assertThat(scan.check("S3-020", "vigil-demo-records").message())
                    .contains("s3:GetBucketLifecycleConfiguration answered without Rules");
            assertThat(proxy.requests()).filteredOn(LiveScanS3BucketTest::listing).hasSize(2)
                    .allSatisfy(r -> assertThat(r.query()).contains("bucket-region=" + r.region()));
        }
    }

    @Test
    void aListingWithoutWhatS3AlwaysSendsIsAFaultOfTheRegionNotAnEmptyRegion() throws Exception {
        try (EmulatorProxy proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> listing(r) && r.region().equals("us-east-1"), r -> new Response(200, "application/xml",
                        recorded("ListBuckets-empty-body.xml", Map.of())))) {
            RuleScan scan = RuleScan.of(proxy.endpoint(), REGIONS, List.of("S3-012"));
            Check region = scan.check("S3-012", "123456789012/us-east-1");
            assertThat(region.resource()).isEqualTo("s3:ListBuckets@123456789012/us-east-1");
            assertThat(region.status()).isEqualTo(Status.ERROR);
            assertThat(region.message()).startsWith("AWS answered without Buckets or Owner, which it always sends");
            assertThat(scan.check("S3-012", "vigil-demo-eu-media").status()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void namedBucketsAreListedByPrefixInTheirRegionOnly() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), REGIONS))) {
            Inventory named = new Inventory();
            new S3BucketCollector().collect(new RegionContext(aws, "123456789012", "us-east-1"),
                    Set.of("arn:aws:s3:::vigil-demo-records", "vigil-demo-eu-media", "deleted-bucket"), named);
            assertThat(named.all(S3Bucket.class)).extracting(S3Bucket::name).containsExactly("vigil-demo-records");
            assertThat(named.faults()).isEmpty();
            assertThat(aws.stats().calls("s3:ListBuckets")).isEqualTo(3);
            assertThat(aws.stats().calls("s3:GetBucketVersioning")).isEqualTo(1);
        }
    }

    @Test
    void versioningIsFixedLiveAndThePlanOnlyFixesSayWhy() {
        List<String> region = List.of("us-west-2");
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), region))) {
            DemoAccount.createBucket(aws.client(S3Client::builder, "us-west-2"), "us-west-2", "vigil-fix-me",
                    new BucketSettings(false, false, false));
            LiveFixer fixer = new LiveFixer(aws, "123456789012", new FixSettings(BackupPlanDefaults.PLAN_NAME, false));
            List<Change> plan = fixer.plan(failing(aws), false);
            Map<String, Change> byAction = plan.stream().filter(c -> c.state() != State.BLOCKED)
                    .collect(Collectors.toMap(Change::action, c -> c));
            assertThat(byAction).containsOnlyKeys("s3:PutBucketVersioning");
            assertThat(byAction.get("s3:PutBucketVersioning").before()).isEqualTo("Status=Unversioned");
            assertThat(plan).filteredOn(c -> c.state() == State.BLOCKED).extracting(Change::blockedBy).hasSize(3)
                    .anySatisfy(r -> assertThat(r).contains("root user's credentials"))
                    .anySatisfy(r -> assertThat(r).contains("decision about the data"))
                    .anySatisfy(r -> assertThat(r).contains("cannot be turned off again"));

            List<Applied> applied = fixer.apply(plan, new RecordedJournal());
            assertThat(applied).singleElement().satisfies(a -> {
                assertThat(a.ok()).as(a.error()).isTrue();
                assertThat(a.after()).isEqualTo("Status=Enabled");
            });
            assertThat(failing(aws)).extracting(c -> c.rule().id()).doesNotContain("S3-012");
        }
    }

    private static List<Check> failing(AwsConnection aws) {
        return new LiveScanner(aws).scan(Catalog.load().select(RULES), (r, d, t, n) -> { }).checkList().stream()
                .filter(c -> c.status() == Status.FAILURE).toList();
    }
}
