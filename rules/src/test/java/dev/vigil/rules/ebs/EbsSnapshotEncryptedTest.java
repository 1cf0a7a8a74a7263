package dev.vigil.rules.ebs;

import static dev.vigil.rules.ebs.EbsFixtures.daysAgo;
import static dev.vigil.rules.ebs.EbsFixtures.snapshot;
import static dev.vigil.rules.ebs.EbsFixtures.snapshotArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.CopySnapshotEncrypted;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EbsSnapshotEncryptedTest {

    private static dev.vigil.core.model.EbsSnapshot encrypted(String id, Value<Boolean> encrypted) {
        return snapshot(id, Value.known("vol-1"), daysAgo(1), Value.known("completed"), encrypted, Value.known(false));
    }

    @Test
    void unencryptedSnapshotsFail() {
        RuleTester t = RuleTester.rule(new EbsSnapshotEncrypted())
                .given(encrypted("snap-encrypted", Value.known(true)), encrypted("snap-plain", Value.known(false)),
                        encrypted("snap-unread", Value.failed("AWS did not report Encrypted")))
                .evaluate()
                .statuses(Map.of(snapshotArn("snap-encrypted"), Status.SUCCESS, snapshotArn("snap-plain"),
                        Status.FAILURE, snapshotArn("snap-unread"), Status.ERROR));
        assertThat(t.check(snapshotArn("snap-plain")).remedy()).isEqualTo(new CopySnapshotEncrypted("snap-plain"));
    }

    @Test
    void terraformSnapshotsFollowTheirVolumeAndCopiesTheirFlagOrTheirSource() {
        RuleTester t = RuleTester.rule(new EbsSnapshotEncrypted()).givenTerraform("ebs").evaluate()
                .statuses(Map.ofEntries(
                        Map.entry("aws_ebs_snapshot.of_encrypted", Status.SUCCESS),
                        Map.entry("aws_ebs_snapshot.of_plain", Status.FAILURE),
                        Map.entry("aws_ebs_snapshot.of_unset", Status.FAILURE),
                        Map.entry("aws_ebs_snapshot.of_variable", Status.UNKNOWN),
                        Map.entry("aws_ebs_snapshot.of_restored", Status.UNKNOWN),
                        Map.entry("aws_ebs_snapshot.of_existing", Status.UNKNOWN),
                        Map.entry("aws_ebs_snapshot_copy.encrypted_copy", Status.SUCCESS),
                        Map.entry("aws_ebs_snapshot_copy.plain_copy", Status.FAILURE),
                        Map.entry("aws_ebs_snapshot_copy.copy_of_encrypted", Status.SUCCESS),
                        Map.entry("aws_ebs_snapshot_copy.copy_of_copy", Status.FAILURE),
                        Map.entry("aws_ebs_snapshot_copy.copy_of_existing", Status.UNKNOWN),
                        Map.entry("aws_ebs_snapshot_copy.misspelt", Status.ERROR)));
        assertThat(t.check("aws_ebs_snapshot.of_variable").message()).contains("var.encrypt");
        assertThat(t.check("aws_ebs_snapshot.of_restored").message())
                .contains("aws_ebs_volume.restored is restored from snapshot snap-0123456789abcdef0");
        assertThat(t.check("aws_ebs_snapshot.of_existing").message())
                .contains("volume_id = \"vol-0123456789abcdef0\", a volume this configuration does not declare");
        assertThat(t.check("aws_ebs_snapshot_copy.copy_of_existing").message())
                .contains("source_snapshot_id = \"snap-0fedcba9876543210\", a snapshot this configuration does not declare");
        assertThat(t.check("aws_ebs_snapshot_copy.misspelt").message()).contains("encrypted", "yes");
    }

    @Test
    void aPlanJoinsASnapshotToItsVolumeThroughTheReferencesItRecords() {
        RuleTester t = RuleTester.rule(new EbsSnapshotEncrypted()).givenTerraform("ebs-plan").evaluate()
                .statuses(Map.of("aws_ebs_snapshot.data", Status.SUCCESS, "aws_ebs_snapshot.scratch", Status.UNKNOWN));
        // the provider computes a volume's encryption when the configuration leaves it out: the plan says so
        assertThat(t.check("aws_ebs_snapshot.scratch").message()).contains("known after apply: aws_ebs_volume.scratch.encrypted");
    }

    @Test
    void cloudFormationDeclaresNoSnapshots() {
        RuleTester.rule(new EbsSnapshotEncrypted()).givenCloudFormation("ebs.yaml").evaluate().statuses(Map.of());
    }
}
