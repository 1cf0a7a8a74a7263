package dev.vigil.rules.ebs;

import static dev.vigil.rules.ebs.EbsFixtures.daysAgo;
import static dev.vigil.rules.ebs.EbsFixtures.snapshot;
import static dev.vigil.rules.ebs.EbsFixtures.snapshotArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.MakeSnapshotPrivate;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EbsPublicSnapshotsTest {

    private static dev.vigil.core.model.EbsSnapshot shared(String id, Value<Boolean> publiclyRestorable) {
        return snapshot(id, Value.known("vol-1"), daysAgo(1), Value.known("completed"), Value.known(false),
                publiclyRestorable);
    }

    @Test
    void snapshotsRestorableByEveryAccountFail() {
        RuleTester t = RuleTester.rule(new EbsPublicSnapshots())
                .given(shared("snap-public", Value.known(true)), shared("snap-private", Value.known(false)),
                        shared("snap-unread", Value.failed("ec2:DescribeSnapshots (RestorableByUserIds=all) failed: "
                                + "UnauthorizedOperation")))
                .evaluate()
                .statuses(Map.of(snapshotArn("snap-public"), Status.FAILURE, snapshotArn("snap-private"),
                        Status.SUCCESS, snapshotArn("snap-unread"), Status.ERROR));
        assertThat(t.check(snapshotArn("snap-public")).remedy()).isEqualTo(new MakeSnapshotPrivate("snap-public"));
        assertThat(t.check(snapshotArn("snap-unread")).message()).contains("UnauthorizedOperation");
    }

    @Test
    void terraformSnapshotsAreCreatedPrivateAndCloudFormationDeclaresNone() {
        RuleTester t = RuleTester.rule(new EbsPublicSnapshots()).givenTerraform("ebs").evaluate();
        assertThat(t.result().checkList()).hasSize(12).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.SUCCESS));
        assertThat(t.check("aws_ebs_snapshot_copy.plain_copy").message()).isEqualTo("The snapshot is not shared publicly");
        RuleTester.rule(new EbsPublicSnapshots()).givenCloudFormation("ebs.yaml").evaluate().statuses(Map.of());
    }
}
