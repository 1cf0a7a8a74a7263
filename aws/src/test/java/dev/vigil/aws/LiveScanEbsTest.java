package dev.vigil.aws;

import static dev.vigil.aws.EmulatorProxy.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.aws.EmulatorProxy.Response;
import dev.vigil.aws.collect.EbsSnapshotCollector;
import dev.vigil.aws.collect.EbsVolumeCollector;
import dev.vigil.aws.collect.RegionContext;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.DemoAccount.Disk;
import dev.vigil.aws.emulator.DemoAccount.Snapshot;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.aws.remediate.Applied;
import dev.vigil.aws.remediate.Change;
import dev.vigil.aws.remediate.Change.Kind;
import dev.vigil.aws.remediate.Change.State;
import dev.vigil.aws.remediate.FixSettings;
import dev.vigil.aws.remediate.LiveFixer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.EbsSnapshot;
import dev.vigil.core.model.EbsVolume;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.rule.Catalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * EBS-004, EBS-005, EBS-009 and EBS-011 on moto, seeded once: volumes and snapshots from DescribeVolumes and
 * DescribeSnapshots, their call counts, faults of a region, named re-reads and the live fixes. moto ignores
 * RestorableByUserIds, so {@link PublicSnapshotsStub} answers that one request as AWS does; recorded answers in AWS's
 * documented shape stand in for what moto cannot produce (another owner's snapshot, a body without its list).
 */
class LiveScanEbsTest {

    private static final String ACCOUNT = "123456789012";
    private static final String EAST = "us-east-1";
    private static final String WEST = "eu-west-1";
    private static final List<String> RULES = List.of("EBS-004", "EBS-005", "EBS-009", "EBS-011");

    private static MotoServer moto;
    private static EmulatorProxy proxy;
    /** Name tag → volume ID; volume name → the ID of its snapshot. */
    private static final Map<String, String> VOLUMES = new HashMap<>();
    private static final Map<String, String> SNAPSHOTS = new HashMap<>();

    @BeforeAll
    static void seed() throws Exception {
        moto = Emulator.fresh();
        proxy = new EmulatorProxy(moto.endpoint());
        new PublicSnapshotsStub(moto.endpoint(), ACCOUNT).install(proxy);
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            Ec2Client east = aws.client(Ec2Client::builder, EAST);
            for (Disk disk : DemoAccount.DISKS.get(EAST)) {
                VOLUMES.put(disk.name(), DemoAccount.createDisk(east, EAST, disk));
            }
            VOLUMES.put("west-bare", DemoAccount.createDisk(aws.client(Ec2Client::builder, WEST), WEST,
                    new Disk("west-bare", true, Snapshot.NONE)));
            east.describeSnapshots(r -> r.filters(f -> f.name("owner-id").values(ACCOUNT))).snapshots()
                    .forEach(s -> VOLUMES.forEach((name, id) -> {
                        if (id.equals(s.volumeId())) {
                            SNAPSHOTS.put(name, s.snapshotId());
                        }
                    }));
        }
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @Test
    void everyRuleJudgesTheSeededResourcesWithOneListingPerKindAndRegion() {
        int before = proxy.requests().size();
        RuleScan scan = RuleScan.of(proxy.endpoint(), List.of(EAST, WEST), RULES);
        assertThat(scan.verdicts()).containsExactlyInAnyOrder(
                tuple("EBS-004", VOLUMES.get("orders-data"), Status.SUCCESS),
                tuple("EBS-004", VOLUMES.get("build-cache"), Status.FAILURE),
                tuple("EBS-004", VOLUMES.get("legacy-export"), Status.SUCCESS),
                tuple("EBS-004", VOLUMES.get("west-bare"), Status.FAILURE),
                tuple("EBS-005", SNAPSHOTS.get("orders-data"), Status.SUCCESS),
                tuple("EBS-005", SNAPSHOTS.get("legacy-export"), Status.SUCCESS),
                tuple("EBS-009", SNAPSHOTS.get("orders-data"), Status.SUCCESS),
                tuple("EBS-009", SNAPSHOTS.get("legacy-export"), Status.FAILURE),
                tuple("EBS-011", SNAPSHOTS.get("orders-data"), Status.SUCCESS),
                tuple("EBS-011", SNAPSHOTS.get("legacy-export"), Status.FAILURE));
        assertThat(scan.check("EBS-004", VOLUMES.get("orders-data")).resource())
                .isEqualTo("arn:aws:ec2:us-east-1:123456789012:volume/" + VOLUMES.get("orders-data"));
        assertThat(scan.check("EBS-011", SNAPSHOTS.get("orders-data")).resource())
                .isEqualTo("arn:aws:ec2:us-east-1::snapshot/" + SNAPSHOTS.get("orders-data"));
        // per region one DescribeVolumes, one DescribeSnapshots of the owned snapshots, and the public listing only
        // where the account owns snapshots (not in eu-west-1); never a call per snapshot
        assertThat(scan.stats().calls("ec2:DescribeVolumes")).isEqualTo(2);
        assertThat(scan.stats().calls("ec2:DescribeSnapshots")).isEqualTo(3);
        assertThat(scan.stats().calls("ec2:DescribeSnapshotAttribute")).isZero();
        List<EmulatorProxy.Request> listings = proxy.requests().subList(before, proxy.requests().size()).stream()
                .filter(r -> r.operation().equals("DescribeSnapshots")).toList();
        assertThat(listings).allSatisfy(r -> {
            assertThat(r.form("Owner.1")).isEqualTo("self");
            assertThat(r.form("MaxResults")).as("paginated: EC2's standard bucket").isEqualTo("1000");
        });
        assertThat(listings).filteredOn(PublicSnapshotsStub::isPublicListing).extracting(EmulatorProxy.Request::region)
                .containsExactly(EAST);
    }

    @Test
    void onlyTheKindsTheSelectedRulesReadAreListed() {
        RuleScan snapshotsOnly = RuleScan.of(proxy.endpoint(), List.of(EAST, WEST), List.of("EBS-011"));
        assertThat(snapshotsOnly.stats().calls("ec2:DescribeVolumes")).isZero();
        assertThat(snapshotsOnly.stats().calls("ec2:DescribeSnapshots")).isEqualTo(3);
        RuleScan volumes = RuleScan.of(proxy.endpoint(), List.of(EAST, WEST), List.of("EBS-004"));
        assertThat(volumes.stats().calls("ec2:DescribeVolumes")).isEqualTo(2);
        assertThat(volumes.stats().calls("ec2:DescribeSnapshots")).isEqualTo(3);
    }

    @Test
    void aFailedPublicListingLeavesOnlyEbs009Undecided() throws Exception {
        try (EmulatorProxy failing = new EmulatorProxy(moto.endpoint())
                .when(PublicSnapshotsStub::isPublicListing, r -> new Response(403, "text/xml",
                        recorded("Ec2-UnauthorizedOperation.xml", Map.of("action", "ec2:DescribeSnapshots"))))) {
            RuleScan scan = RuleScan.of(failing.endpoint(), List.of(EAST), List.of("EBS-009", "EBS-011"));
            assertThat(scan.verdicts()).containsExactlyInAnyOrder(
                    tuple("EBS-009", SNAPSHOTS.get("orders-data"), Status.ERROR),
                    tuple("EBS-009", SNAPSHOTS.get("legacy-export"), Status.ERROR),
                    tuple("EBS-011", SNAPSHOTS.get("orders-data"), Status.SUCCESS),
                    tuple("EBS-011", SNAPSHOTS.get("legacy-export"), Status.FAILURE));
            assertThat(scan.check("EBS-009", SNAPSHOTS.get("orders-data")).message())
                    .contains("ec2:DescribeSnapshots (RestorableByUserIds=all) failed: UnauthorizedOperation");
        }
    }

    @Test
    void anAnswerWithoutTheSnapshotListIsAFaultOfItsRegion() throws Exception {
        try (EmulatorProxy broken = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeSnapshots") && r.region().equals(EAST),
                        r -> new Response(200, "text/xml", recorded("DescribeSnapshots-no-list.xml", Map.of())))) {
            RuleScan scan = RuleScan.of(broken.endpoint(), List.of(EAST), List.of("EBS-004", "EBS-011"));
            assertThat(scan.verdicts()).containsExactlyInAnyOrder(
                    tuple("EBS-004", VOLUMES.get("orders-data"), Status.ERROR),
                    tuple("EBS-004", VOLUMES.get("build-cache"), Status.ERROR),
                    tuple("EBS-004", VOLUMES.get("legacy-export"), Status.ERROR),
                    tuple("EBS-011", ACCOUNT + "/" + EAST, Status.ERROR));
            assertThat(scan.check("EBS-011", ACCOUNT + "/" + EAST).message())
                    .contains("AWS answered without Snapshots, which it always sends");
            assertThat(scan.check("EBS-004", VOLUMES.get("build-cache")).message()).startsWith("cannot be decided");
        }
    }

    @Test
    void snapshotsOfAnotherOwnerAreNotTheAccountsToJudge() throws Exception {
        try (EmulatorProxy shared = new EmulatorProxy(moto.endpoint())
                .when(r -> r.operation().equals("DescribeSnapshots"), r -> new Response(200, "text/xml",
                        PublicSnapshotsStub.isPublicListing(r) ? recorded("DescribeSnapshots-empty.xml", Map.of())
                                : recorded("DescribeSnapshots-two-owners.xml", Map.of())))) {
            RuleScan scan = RuleScan.of(shared.endpoint(), List.of(EAST), List.of("EBS-011"));
            assertThat(scan.verdicts()).containsExactly(tuple("EBS-011", "snap-0a1b2c3d4e5f60718", Status.SUCCESS));
        }
    }

    @Test
    void aReCheckReadsOnlyTheNamedVolumesAndSnapshots() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of(EAST)))) {
            RegionContext east = new RegionContext(aws, ACCOUNT, EAST);
            Inventory named = new Inventory();
            new EbsVolumeCollector().collect(east, Set.of(VOLUMES.get("build-cache"), "vol-0000000000000dead"), named);
            new EbsSnapshotCollector().collect(east, Set.of(SNAPSHOTS.get("legacy-export")), named);
            assertThat(named.all(EbsVolume.class)).extracting(EbsVolume::name).containsExactly(VOLUMES.get("build-cache"));
            assertThat(named.all(EbsSnapshot.class)).singleElement().satisfies(s -> {
                assertThat(s.name()).isEqualTo(SNAPSHOTS.get("legacy-export"));
                assertThat(s.publiclyRestorable()).isEqualTo(Value.known(true));
                assertThat(s.volumeId()).isEqualTo(Value.known(VOLUMES.get("legacy-export")));
            });
            assertThat(named.faults()).isEmpty();
            assertThat(aws.stats().calls("ec2:DescribeVolumes")).isEqualTo(1);
            assertThat(aws.stats().calls("ec2:DescribeSnapshots")).isEqualTo(2);
        }
    }

    @Test
    void publicSnapshotsAndVolumesWithoutSnapshotsAreFixedLiveTheRestIsPlanOnly() {
        String region = "ap-southeast-2";
        List<String> regions = List.of(region);
        String bare;
        String exported;
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            Ec2Client ec2 = aws.client(Ec2Client::builder, region);
            bare = DemoAccount.createDisk(ec2, region, new Disk("fix-bare", true, Snapshot.NONE));
            DemoAccount.createDisk(ec2, region, new Disk("fix-exported", false, Snapshot.PUBLIC));
            exported = ec2.describeSnapshots(r -> r.filters(f -> f.name("owner-id").values(ACCOUNT))).snapshots()
                    .stream().filter(s -> s.volumeId() != null && !s.volumeId().equals(bare)).findFirst().orElseThrow()
                    .snapshotId();
        }
        try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), regions))) {
            LiveFixer fixer = new LiveFixer(aws, ACCOUNT, new FixSettings(BackupPlanDefaults.PLAN_NAME, false));
            List<Check> failing = failing(aws);
            List<Change> plan = fixer.plan(failing, false);
            assertThat(plan).extracting(Change::kind, Change::action, Change::resource, Change::before, Change::state)
                    .containsExactlyInAnyOrder(
                            tuple(Kind.SET_PROPERTY, "ec2:CreateSnapshot", bare, "no snapshot", State.TO_DO),
                            tuple(Kind.SET_PROPERTY, "ec2:ModifySnapshotAttribute", exported, "public=true", State.TO_DO),
                            tuple(Kind.SET_PROPERTY, "none", exported, "as scanned", State.BLOCKED));
            assertThat(plan).filteredOn(c -> c.state() == State.BLOCKED).singleElement()
                    .satisfies(c -> assertThat(c.blockedBy()).startsWith("a snapshot is encrypted by copying it, and "
                            + "Vigil never deletes the unencrypted original"));

            List<Applied> applied = fixer.apply(plan, new RecordedJournal());
            assertThat(applied).hasSize(2).allSatisfy(a -> assertThat(a.ok()).as(a.error()).isTrue());
            assertThat(applied).extracting(Applied::after).anySatisfy(after -> assertThat(after).isEqualTo("public=false"))
                    .anySatisfy(after -> assertThat(after).startsWith("snapshot snap-"));
            var taken = aws.client(Ec2Client::builder, region).describeSnapshots(r -> r.filters(
                    f -> f.name("volume-id").values(bare), f -> f.name("owner-id").values(ACCOUNT))).snapshots();
            assertThat(taken).singleElement().satisfies(s -> assertThat(s.tags())
                    .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("vigil:fix=EBS-004")));

            assertThat(failing(aws)).extracting(c -> c.rule().id(), Check::resourceName)
                    .containsExactly(tuple("EBS-011", exported));
            assertThat(fixer.plan(failing, false)).extracting(Change::action, Change::state).containsExactlyInAnyOrder(
                    tuple("ec2:CreateSnapshot", State.IN_PLACE), tuple("ec2:ModifySnapshotAttribute", State.IN_PLACE),
                    tuple("none", State.BLOCKED));
        }
    }

    private static List<Check> failing(AwsConnection aws) {
        return new LiveScanner(aws).scan(Catalog.load().select(RULES), (r, d, t, n) -> { }).checkList().stream()
                .filter(c -> c.status() == Status.FAILURE).toList();
    }
}
