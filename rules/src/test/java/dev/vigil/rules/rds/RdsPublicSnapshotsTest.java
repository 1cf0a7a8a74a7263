package dev.vigil.rules.rds;

import static dev.vigil.rules.rds.RdsFixtures.clusterSnapshot;
import static dev.vigil.rules.rds.RdsFixtures.clusterSnapshotArn;
import static dev.vigil.rules.rds.RdsFixtures.snapshot;
import static dev.vigil.rules.rds.RdsFixtures.snapshotArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.MakeDbClusterSnapshotPrivate;
import dev.vigil.core.remedy.MakeDbSnapshotPrivate;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsPublicSnapshotsTest {

    private static final Value<Boolean> PLAIN = Value.known(false);

    @Test
    void snapshotsEveryAccountMayRestoreFailWithTheFixOfTheirKind() {
        RuleTester t = RuleTester.rule(new RdsPublicSnapshots())
                .given(snapshot("public-db", PLAIN, Value.known(true)),
                        snapshot("private-db", PLAIN, Value.known(false)),
                        clusterSnapshot("public-cluster", PLAIN, Value.known(true)),
                        clusterSnapshot("private-cluster", PLAIN, Value.known(false)),
                        snapshot("unread", PLAIN, Value.failed("rds:DescribeDBSnapshotAttributes failed: "
                                + "AccessDenied")))
                .evaluate()
                .statuses(Map.of(snapshotArn("public-db"), Status.FAILURE, snapshotArn("private-db"), Status.SUCCESS,
                        clusterSnapshotArn("public-cluster"), Status.FAILURE,
                        clusterSnapshotArn("private-cluster"), Status.SUCCESS, snapshotArn("unread"), Status.ERROR));
        assertThat(t.check(snapshotArn("public-db")).remedy()).isEqualTo(new MakeDbSnapshotPrivate("public-db"));
        assertThat(t.check(clusterSnapshotArn("public-cluster")).remedy())
                .isEqualTo(new MakeDbClusterSnapshotPrivate("public-cluster"));
        assertThat(t.check(snapshotArn("public-db")).message()).contains("restore attribute includes all");
        assertThat(t.check(snapshotArn("unread")).message()).contains("AccessDenied");
    }

    @Test
    void terraformSnapshotsArePublicWhenTheirSharedAccountsListAll() {
        RuleTester t = RuleTester.rule(new RdsPublicSnapshots()).givenTerraform("rds-snapshots").evaluate()
                .statuses(Map.ofEntries(
                        Map.entry("aws_db_snapshot.of_encrypted", Status.SUCCESS),
                        Map.entry("aws_db_snapshot.of_plain", Status.FAILURE),
                        Map.entry("aws_db_snapshot.of_variable", Status.UNKNOWN),
                        Map.entry("aws_db_snapshot.of_restored", Status.SUCCESS),
                        Map.entry("aws_db_snapshot.of_existing", Status.SUCCESS),
                        Map.entry("aws_db_snapshot_copy.encrypted_copy", Status.SUCCESS),
                        Map.entry("aws_db_snapshot_copy.plain_copy", Status.SUCCESS),
                        Map.entry("aws_db_snapshot_copy.copy_of_encrypted", Status.SUCCESS),
                        Map.entry("aws_db_cluster_snapshot.of_provisioned", Status.FAILURE),
                        Map.entry("aws_db_cluster_snapshot.of_serverless", Status.SUCCESS),
                        Map.entry("aws_db_cluster_snapshot.misshared", Status.ERROR)));
        assertThat(t.check("aws_db_snapshot.of_plain").remedy()).isEqualTo(new MakeDbSnapshotPrivate("reports-export"));
        assertThat(t.check("aws_db_cluster_snapshot.of_provisioned").remedy())
                .isEqualTo(new MakeDbClusterSnapshotPrivate("ledger-snapshot"));
        assertThat(t.check("aws_db_snapshot.of_encrypted").resourceName()).isEqualTo("orders-before-migration");
        assertThat(t.check("aws_db_snapshot.of_variable").message()).contains("var.partners");
        assertThat(t.check("aws_db_cluster_snapshot.misshared").message())
                .contains("shared_accounts", "list of strings");
    }

    @Test
    void cloudFormationDeclaresNoDbSnapshots() {
        RuleTester.rule(new RdsPublicSnapshots()).givenCloudFormation("rds-backup.yaml").evaluate().statuses(Map.of());
    }
}
