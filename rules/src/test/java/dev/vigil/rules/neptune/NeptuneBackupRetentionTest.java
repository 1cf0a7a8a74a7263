package dev.vigil.rules.neptune;

import static dev.vigil.rules.Fixtures.clusterArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.SetNeptuneBackupRetention;
import dev.vigil.rules.Fixtures;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeptuneBackupRetentionTest {

    private static String arn(String name) {
        return clusterArn("eu-west-1", name);
    }

    private static RdsCluster cluster(String name, String engine, Value<Long> retention) {
        return Fixtures.cluster("eu-west-1", name, engine, Value.known(true), Value.known(true), Value.known(0L), retention);
    }

    private static RuleTester given() {
        return RuleTester.rule(new NeptuneBackupRetention())
                .given(cluster("week", "neptune", Value.known(7L)),
                        cluster("day", "neptune", Value.known(1L)),
                        cluster("unread", "neptune", Value.failed("AWS did not report BackupRetentionPeriod")),
                        cluster("docs", "docdb", Value.known(1L)),
                        cluster("aurora", "aurora-postgresql", Value.known(1L)));
    }

    @Test
    void neptuneClustersKeepBackupsAtLeastSevenDaysByDefault() {
        RuleTester t = given().evaluate()
                .statuses(Map.of(arn("week"), Status.SUCCESS, arn("day"), Status.FAILURE, arn("unread"), Status.ERROR));
        assertThat(t.check(arn("day")).remedy()).isEqualTo(new SetNeptuneBackupRetention("day", "7"));
    }

    @Test
    void theMinimumIsASetting() {
        RuleTester t = given().setting("minimumRetentionPeriod", "1").evaluate()
                .statuses(Map.of(arn("week"), Status.SUCCESS, arn("day"), Status.SUCCESS, arn("unread"), Status.ERROR));
        assertThat(t.check(arn("day")).message()).isEqualTo("Backup retention period is 1 day (at least 1 day)");
    }

    @Test
    void cloudFormationClustersAreJudgedByBackupRetentionPeriod() {
        RuleTester t = RuleTester.rule(new NeptuneBackupRetention())
                .givenCloudFormation("db-clusters.yaml")
                .evaluate()
                .statuses(Map.of("Graph", Status.SUCCESS, "ShortGraph", Status.FAILURE));
        assertThat(t.check("Graph").resourceName()).isEqualTo("social-graph");
        assertThat(t.check("ShortGraph").message()).isEqualTo("Backup retention period is 3 days, less than 7 days");
    }

    @Test
    void terraformClustersAreJudgedByBackupRetentionPeriod() {
        RuleTester.rule(new NeptuneBackupRetention())
                .setting("minimumRetentionPeriod", "5")
                .givenTerraform("db-clusters")
                .evaluate()
                .statuses(Map.of("aws_neptune_cluster.graph", Status.SUCCESS, "aws_neptune_cluster.short", Status.FAILURE));
    }
}
