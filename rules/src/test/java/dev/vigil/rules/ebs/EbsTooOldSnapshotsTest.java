package dev.vigil.rules.ebs;

import static dev.vigil.rules.ebs.EbsFixtures.CLOCK;
import static dev.vigil.rules.ebs.EbsFixtures.daysAgo;
import static dev.vigil.rules.ebs.EbsFixtures.snapshot;
import static dev.vigil.rules.ebs.EbsFixtures.snapshotArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.DeleteSnapshot;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EbsTooOldSnapshotsTest {

    private static RuleTester account() {
        return RuleTester.rule(new EbsTooOldSnapshots(CLOCK)).given(
                snapshot("snap-young", "vol-1", daysAgo(10)),
                snapshot("snap-edge", "vol-1", daysAgo(30)),
                snapshot("snap-old", "vol-1", daysAgo(45)),
                snapshot("snap-unread", "vol-1", Value.failed("AWS did not report StartTime")));
    }

    @Test
    void snapshotsOlderThanTheDefaultThirtyDaysFail() {
        RuleTester t = account().evaluate().statuses(Map.of(snapshotArn("snap-young"), Status.SUCCESS,
                snapshotArn("snap-edge"), Status.SUCCESS, snapshotArn("snap-old"), Status.FAILURE,
                snapshotArn("snap-unread"), Status.ERROR));
        assertThat(t.check(snapshotArn("snap-old")).message()).isEqualTo("Started 45 days ago, more than 30 days ago");
        assertThat(t.check(snapshotArn("snap-old")).remedy()).isEqualTo(new DeleteSnapshot("snap-old"));
        assertThat(t.check(snapshotArn("snap-young")).message()).isEqualTo("Started 10 days ago, within 30 days");
        assertThat(t.check(snapshotArn("snap-unread")).message()).contains("AWS did not report StartTime");
    }

    @Test
    void theMaximumAgeIsASetting() {
        account().setting("maximumSnapshotAge", "60").evaluate().statuses(Map.of(snapshotArn("snap-young"),
                Status.SUCCESS, snapshotArn("snap-edge"), Status.SUCCESS, snapshotArn("snap-old"), Status.SUCCESS,
                snapshotArn("snap-unread"), Status.ERROR));
        account().setting("maximumSnapshotAge", "7").evaluate().statuses(Map.of(snapshotArn("snap-young"),
                Status.FAILURE, snapshotArn("snap-edge"), Status.FAILURE, snapshotArn("snap-old"), Status.FAILURE,
                snapshotArn("snap-unread"), Status.ERROR));
    }

    @Test
    void templateSnapshotsAreTakenOnDeploymentSoTheirAgeIsUnknown() {
        RuleTester t = RuleTester.rule(new EbsTooOldSnapshots(CLOCK)).givenTerraform("ebs").evaluate();
        assertThat(t.result().checkList()).hasSize(12).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.UNKNOWN));
        assertThat(t.check("aws_ebs_snapshot.of_plain").message())
                .isEqualTo("Its start time cannot be resolved: taken when aws_ebs_snapshot.of_plain is created");
        RuleTester.rule(new EbsTooOldSnapshots(CLOCK)).givenCloudFormation("ebs.yaml").evaluate().statuses(Map.of());
    }
}
