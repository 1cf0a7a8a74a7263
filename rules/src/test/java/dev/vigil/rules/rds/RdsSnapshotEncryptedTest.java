package dev.vigil.rules.rds;

import static dev.vigil.rules.rds.RdsFixtures.clusterSnapshot;
import static dev.vigil.rules.rds.RdsFixtures.clusterSnapshotArn;
import static dev.vigil.rules.rds.RdsFixtures.snapshot;
import static dev.vigil.rules.rds.RdsFixtures.snapshotArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.CopyDbSnapshotEncrypted;
import dev.vigil.core.remedy.EncryptDbClusterSnapshot;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsSnapshotEncryptedTest {

    private static final Value<Boolean> PRIVATE = Value.known(false);

    @Test
    void unencryptedSnapshotsFailWithTheFixOfTheirKind() {
        String longName = "a".repeat(60);
        RuleTester t = RuleTester.rule(new RdsSnapshotEncrypted())
                .given(snapshot("encrypted-db", Value.known(true), PRIVATE),
                        snapshot("plain-db", Value.known(false), PRIVATE),
                        clusterSnapshot("plain-cluster", Value.known(false), PRIVATE),
                        clusterSnapshot(longName, Value.known(false), PRIVATE),
                        clusterSnapshot("encrypted-cluster", Value.known(true), PRIVATE),
                        snapshot("unread", Value.failed("AWS did not report Encrypted"), PRIVATE))
                .evaluate()
                .statuses(Map.of(snapshotArn("encrypted-db"), Status.SUCCESS, snapshotArn("plain-db"), Status.FAILURE,
                        clusterSnapshotArn("plain-cluster"), Status.FAILURE,
                        clusterSnapshotArn(longName), Status.FAILURE,
                        clusterSnapshotArn("encrypted-cluster"), Status.SUCCESS, snapshotArn("unread"), Status.ERROR));
        assertThat(t.check(snapshotArn("plain-db")).remedy())
                .isEqualTo(new CopyDbSnapshotEncrypted("plain-db", "plain-db-encrypted"));
        assertThat(t.check(clusterSnapshotArn("plain-cluster")).remedy())
                .isEqualTo(new EncryptDbClusterSnapshot("plain-cluster", "aurora-mysql", "plain-cluster-encrypted"));
        // the encrypted snapshot is taken of a cluster restored under this name: at most 63 characters
        assertThat(((EncryptDbClusterSnapshot) t.check(clusterSnapshotArn(longName)).remedy()).copyId())
                .isEqualTo("a".repeat(53) + "-encrypted");
        assertThat(t.check(snapshotArn("unread")).message()).contains("AWS did not report Encrypted");
    }

    @Test
    void terraformSnapshotsFollowTheirInstanceOrClusterAndCopiesTheirKeyOrTheirSource() {
        RuleTester t = RuleTester.rule(new RdsSnapshotEncrypted()).givenTerraform("rds-snapshots").evaluate()
                .statuses(Map.ofEntries(
                        Map.entry("aws_db_snapshot.of_encrypted", Status.SUCCESS),
                        Map.entry("aws_db_snapshot.of_plain", Status.FAILURE),
                        Map.entry("aws_db_snapshot.of_variable", Status.UNKNOWN),
                        Map.entry("aws_db_snapshot.of_restored", Status.UNKNOWN),
                        Map.entry("aws_db_snapshot.of_existing", Status.UNKNOWN),
                        Map.entry("aws_db_snapshot_copy.encrypted_copy", Status.SUCCESS),
                        Map.entry("aws_db_snapshot_copy.plain_copy", Status.FAILURE),
                        Map.entry("aws_db_snapshot_copy.copy_of_encrypted", Status.SUCCESS),
                        Map.entry("aws_db_cluster_snapshot.of_provisioned", Status.FAILURE),
                        Map.entry("aws_db_cluster_snapshot.of_serverless", Status.SUCCESS),
                        Map.entry("aws_db_cluster_snapshot.misshared", Status.FAILURE)));
        assertThat(t.check("aws_db_snapshot.of_plain").remedy())
                .isEqualTo(new CopyDbSnapshotEncrypted("reports-export", "reports-export-encrypted"));
        assertThat(t.check("aws_db_cluster_snapshot.of_provisioned").remedy()).isEqualTo(
                new EncryptDbClusterSnapshot("ledger-snapshot", "aurora-postgresql", "ledger-snapshot-encrypted"));
        assertThat(t.check("aws_db_snapshot.of_variable").message()).contains("var.encrypt");
        assertThat(t.check("aws_db_snapshot.of_restored").message())
                .contains("aws_db_instance.restored is restored from snapshot legacy-final, whose encryption it keeps");
        assertThat(t.check("aws_db_snapshot.of_existing").message())
                .contains("db_instance_identifier = \"billing-db\", a DB instance this configuration does not declare");
    }

    @Test
    void cloudFormationDeclaresNoDbSnapshots() {
        RuleTester.rule(new RdsSnapshotEncrypted()).givenCloudFormation("rds-backup.yaml").evaluate()
                .statuses(Map.of());
    }
}
