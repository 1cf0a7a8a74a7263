package dev.vigil.rules.redshift;

import static dev.vigil.rules.Fixtures.ACCOUNT;
import static dev.vigil.rules.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.RedshiftCluster;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.SetRedshiftSnapshotRetention;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedshiftSnapshotRetentionTest {

    private static String arn(String name) {
        return "arn:aws:redshift:us-east-1:" + ACCOUNT + ":cluster:" + name;
    }

    private static RedshiftCluster cluster(String name, Value<Long> retention) {
        return new RedshiftCluster(live("us-east-1"), arn(name), name, arn(name), retention, Map.of());
    }

    private static RuleTester given() {
        return RuleTester.rule(new RedshiftSnapshotRetention())
                .given(cluster("week", Value.known(7L)), cluster("day", Value.known(1L)),
                        cluster("off", Value.known(0L)),
                        cluster("unread", Value.failed("AWS did not report AutomatedSnapshotRetentionPeriod")));
    }

    @Test
    void automatedSnapshotsMustBeOnByDefault() {
        RuleTester t = given().evaluate()
                .statuses(Map.of(arn("week"), Status.SUCCESS, arn("day"), Status.SUCCESS, arn("off"), Status.FAILURE,
                        arn("unread"), Status.ERROR));
        assertThat(t.check(arn("off")).message())
                .isEqualTo("Automated snapshot retention period is 0: no automatic backups are taken");
        assertThat(t.check(arn("off")).remedy()).isEqualTo(new SetRedshiftSnapshotRetention("off", "1"));
    }

    @Test
    void theMinimumIsASetting() {
        RuleTester t = given().setting("minimumRetentionPeriod", "7").evaluate()
                .statuses(Map.of(arn("week"), Status.SUCCESS, arn("day"), Status.FAILURE, arn("off"), Status.FAILURE,
                        arn("unread"), Status.ERROR));
        assertThat(t.check(arn("day")).remedy()).isEqualTo(new SetRedshiftSnapshotRetention("day", "7"));
    }

    @Test
    void cloudFormationClustersAreJudgedByTheirRetentionPeriod() {
        RuleTester t = RuleTester.rule(new RedshiftSnapshotRetention())
                .givenCloudFormation("redshift.yaml")
                .evaluate()
                .statuses(Map.of("Warehouse", Status.SUCCESS, "Defaulted", Status.SUCCESS, "Disabled", Status.FAILURE,
                        "FromParameter", Status.UNKNOWN));
        assertThat(t.check("Warehouse").resourceName()).isEqualTo("analytics");
        assertThat(t.check("FromParameter").message()).contains("!Ref Retention");
    }

    @Test
    void terraformClustersAreJudgedByTheirRetentionPeriod() {
        RuleTester t = RuleTester.rule(new RedshiftSnapshotRetention())
                .setting("minimumRetentionPeriod", "7")
                .givenTerraform("redshift")
                .evaluate()
                .statuses(Map.of("aws_redshift_cluster.warehouse", Status.SUCCESS,
                        "aws_redshift_cluster.defaulted", Status.FAILURE, "aws_redshift_cluster.disabled", Status.FAILURE,
                        "aws_redshift_cluster.from_variable", Status.UNKNOWN));
        assertThat(t.check("aws_redshift_cluster.defaulted").remedy())
                .isEqualTo(new SetRedshiftSnapshotRetention("defaulted", "7"));
    }
}
