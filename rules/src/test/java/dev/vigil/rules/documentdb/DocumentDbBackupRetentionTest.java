package dev.vigil.rules.documentdb;

import static dev.vigil.rules.Fixtures.clusterArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.SetDocumentDbBackupRetention;
import dev.vigil.rules.Fixtures;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentDbBackupRetentionTest {

    private static String arn(String name) {
        return clusterArn("eu-west-1", name);
    }

    private static RdsCluster cluster(String name, String engine, Value<Long> retention) {
        return Fixtures.cluster("eu-west-1", name, engine, Value.known(true), Value.known(true), Value.known(0L), retention);
    }

    private static RuleTester given() {
        return RuleTester.rule(new DocumentDbBackupRetention())
                .given(cluster("week", "docdb", Value.known(7L)),
                        cluster("fortnight", "docdb", Value.known(14L)),
                        cluster("day", "docdb", Value.known(1L)),
                        cluster("unread", "docdb", Value.failed("AWS did not report BackupRetentionPeriod")),
                        cluster("aurora", "aurora-mysql", Value.known(1L)),
                        cluster("graph", "neptune", Value.known(1L)));
    }

    @Test
    void documentDbClustersKeepBackupsAtLeastSevenDaysByDefault() {
        RuleTester t = given().evaluate()
                .statuses(Map.of(arn("week"), Status.SUCCESS, arn("fortnight"), Status.SUCCESS,
                        arn("day"), Status.FAILURE, arn("unread"), Status.ERROR));
        assertThat(t.check(arn("day")).remedy()).isEqualTo(new SetDocumentDbBackupRetention("day", "7"));
        assertThat(t.check(arn("day")).message()).isEqualTo("Backup retention period is 1 day, less than 7 days");
        assertThat(t.check(arn("day")).properties()).containsEntry("retentionDays", 1L);
        assertThat(t.check(arn("week")).message()).isEqualTo("Backup retention period is 7 days (at least 7 days)");
    }

    @Test
    void theMinimumIsASetting() {
        RuleTester t = given().setting("minimumRetentionPeriod", "10").evaluate()
                .statuses(Map.of(arn("week"), Status.FAILURE, arn("fortnight"), Status.SUCCESS,
                        arn("day"), Status.FAILURE, arn("unread"), Status.ERROR));
        assertThat(t.check(arn("week")).remedy()).isEqualTo(new SetDocumentDbBackupRetention("week", "10"));
        assertThatThrownBy(() -> given().setting("minimumRetentionPeriod", "36"))
                .hasMessage("DocumentDB-001.minimumRetentionPeriod must be between 1 and 35, not 36");
    }

    @Test
    void cloudFormationClustersAreJudgedByBackupRetentionPeriod() {
        RuleTester t = RuleTester.rule(new DocumentDbBackupRetention())
                .givenCloudFormation("db-clusters.yaml")
                .evaluate()
                .statuses(Map.of("Documents", Status.SUCCESS, "ShortDocuments", Status.FAILURE,
                        "DocumentsFromParameter", Status.UNKNOWN));
        assertThat(t.check("Documents").resourceName()).isEqualTo("catalog");
        assertThat(t.check("ShortDocuments").remedy()).isEqualTo(new SetDocumentDbBackupRetention("ShortDocuments", "7"));
        assertThat(t.check("DocumentsFromParameter").message()).contains("!Ref Retention");
    }

    @Test
    void terraformClustersAreJudgedByBackupRetentionPeriod() {
        RuleTester.rule(new DocumentDbBackupRetention())
                .givenTerraform("db-clusters")
                .evaluate()
                .statuses(Map.of("aws_docdb_cluster.documents", Status.SUCCESS,
                        "aws_docdb_cluster.short", Status.FAILURE));
    }
}
