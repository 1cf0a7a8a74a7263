package dev.vigil.rules.ebs;

import static dev.vigil.rules.ebs.EbsFixtures.CLOCK;
import static dev.vigil.rules.ebs.EbsFixtures.daysAgo;
import static dev.vigil.rules.ebs.EbsFixtures.snapshot;
import static dev.vigil.rules.ebs.EbsFixtures.volume;
import static dev.vigil.rules.ebs.EbsFixtures.volumeArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.EbsVolume;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.SnapshotVolume;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EbsRecentSnapshotsTest {

    private static RuleTester account() {
        return RuleTester.rule(new EbsRecentSnapshots(CLOCK)).given(
                volume("vol-recent"), snapshot("snap-r-old", "vol-recent", daysAgo(40)),
                snapshot("snap-r-new", "vol-recent", daysAgo(2)),
                volume("vol-stale"), snapshot("snap-s", "vol-stale", daysAgo(10)),
                volume("vol-none"),
                volume("vol-pending"), snapshot("snap-p", Value.known("vol-pending"), daysAgo(0),
                        Value.known("pending"), Value.known(false), Value.known(false)),
                volume("vol-broken"), snapshot("snap-b", Value.known("vol-broken"), daysAgo(1),
                        Value.known("error"), Value.known(false), Value.known(false)),
                volume("vol-undecided"), snapshot("snap-u", Value.known("vol-undecided"),
                        Value.failed("AWS did not report StartTime"), Value.known("completed"), Value.known(false),
                        Value.known(false)),
                new EbsVolume(new Origin.Live("123456789012", "us-east-1"), volumeArn("vol-unread"), "vol-unread",
                        Value.failed("AWS did not report VolumeId"), Map.of()),
                // the same volume ID in another region is another volume: its snapshot does not count here
                new EbsVolume(new Origin.Live("123456789012", "eu-west-1"), "arn:aws:ec2:eu-west-1:123456789012:volume/"
                        + "vol-recent", "vol-recent", Value.known("vol-recent"), Map.of()));
    }

    @Test
    void theNewestRestorableSnapshotMustBeWithinTheDefaultSevenDays() {
        RuleTester t = account().evaluate().statuses(Map.of(
                volumeArn("vol-recent"), Status.SUCCESS, volumeArn("vol-stale"), Status.FAILURE,
                volumeArn("vol-none"), Status.FAILURE, volumeArn("vol-pending"), Status.SUCCESS,
                volumeArn("vol-broken"), Status.FAILURE, volumeArn("vol-undecided"), Status.ERROR,
                volumeArn("vol-unread"), Status.ERROR, "arn:aws:ec2:eu-west-1:123456789012:volume/vol-recent",
                Status.FAILURE));
        assertThat(t.check(volumeArn("vol-recent")).message())
                .isEqualTo("Newest snapshot snap-r-new was started 2 days ago, within 7 days");
        assertThat(t.check(volumeArn("vol-stale")).message())
                .isEqualTo("Newest snapshot snap-s was started 10 days ago, more than 7 days ago");
        assertThat(t.check(volumeArn("vol-stale")).remedy()).isEqualTo(new SnapshotVolume("vol-stale", "7"));
        assertThat(t.check(volumeArn("vol-none")).message()).isEqualTo("The volume has no snapshot");
        assertThat(t.check(volumeArn("vol-pending")).message()).contains("still being taken");
        assertThat(t.check(volumeArn("vol-broken")).message()).isEqualTo("The volume has no snapshot");
        assertThat(t.check(volumeArn("vol-undecided")).message())
                .contains("snap-u (start time not read: AWS did not report StartTime)");
        assertThat(t.check(volumeArn("vol-unread")).message()).contains("AWS did not report VolumeId");
    }

    @Test
    void theThresholdIsASetting() {
        RuleTester t = account().setting("maximumSnapshotAge", "14").evaluate();
        assertThat(t.check(volumeArn("vol-stale")).status()).isEqualTo(Status.SUCCESS);
        assertThat(t.check(volumeArn("vol-stale")).message()).endsWith("within 14 days");
        assertThat(t.check(volumeArn("vol-none")).remedy()).isEqualTo(new SnapshotVolume("vol-none", "14"));
        assertThatThrownBy(() -> account().setting("maximumSnapshotAge", "0"))
                .hasMessage("EBS-004.maximumSnapshotAge must be between 1 and 3650, not 0");
    }

    @Test
    void templateVolumesAreUnknownBecauseTheirSnapshotsAreTakenAfterDeployment() {
        RuleTester cfn = RuleTester.rule(new EbsRecentSnapshots(CLOCK)).givenCloudFormation("ebs.yaml").evaluate()
                .statuses(Map.of("Data", Status.UNKNOWN, "Scratch", Status.UNKNOWN));
        assertThat(cfn.check("Data").message()).isEqualTo("Snapshots are taken of a volume once it exists: a template "
                + "cannot say whether this one will have a recent snapshot (its ID is assigned when Data is created)");
        RuleTester.rule(new EbsRecentSnapshots(CLOCK)).givenTerraform("ebs").evaluate()
                .statuses(Map.of("aws_ebs_volume.encrypted", Status.UNKNOWN, "aws_ebs_volume.plain", Status.UNKNOWN,
                        "aws_ebs_volume.unset", Status.UNKNOWN, "aws_ebs_volume.from_variable", Status.UNKNOWN,
                        "aws_ebs_volume.restored", Status.UNKNOWN));
    }
}
