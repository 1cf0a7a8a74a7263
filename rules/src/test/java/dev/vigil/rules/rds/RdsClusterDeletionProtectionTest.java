package dev.vigil.rules.rds;

import static dev.vigil.rules.Fixtures.ACCOUNT;
import static dev.vigil.rules.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableClusterDeletionProtection;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsClusterDeletionProtectionTest {

    private static RdsCluster cluster(String name, String engine, Value<Boolean> deletionProtection) {
        String arn = "arn:aws:rds:us-east-1:" + ACCOUNT + ":cluster:" + name;
        return new RdsCluster(live("us-east-1"), arn, name, arn, engine, deletionProtection, Value.known(false),
                Value.known(0L), Value.known(7L), Map.of());
    }

    private static String arn(String name) {
        return "arn:aws:rds:us-east-1:" + ACCOUNT + ":cluster:" + name;
    }

    @Test
    void protectedClustersPassUnprotectedFailAndOtherServicesAreLeftToTheirRules() {
        RuleTester t = RuleTester.rule(new RdsClusterDeletionProtection())
                .given(cluster("on", "aurora-postgresql", Value.known(true)),
                        cluster("off", "mysql", Value.known(false)),
                        cluster("unread", "aurora-mysql", Value.failed("AWS did not report DeletionProtection")),
                        cluster("docs", "docdb", Value.known(false)),
                        cluster("graph", "neptune", Value.known(false)))
                .evaluate()
                .statuses(Map.of(arn("on"), Status.SUCCESS, arn("off"), Status.FAILURE, arn("unread"), Status.ERROR));
        assertThat(t.check(arn("off")).remedy()).isEqualTo(new EnableClusterDeletionProtection("off"));
        assertThat(t.check(arn("unread")).message()).contains("AWS did not report DeletionProtection");
    }

    @Test
    void cloudFormationClustersAreJudgedByTheirProperty() {
        RuleTester t = RuleTester.rule(new RdsClusterDeletionProtection())
                .givenCloudFormation("rds-cluster.yaml")
                .evaluate()
                .statuses(Map.of("Protected", Status.SUCCESS, "Unprotected", Status.FAILURE,
                        "AsString", Status.SUCCESS, "FromParameter", Status.UNKNOWN, "Misspelt", Status.ERROR,
                        "EngineFromParameter", Status.FAILURE));
        assertThat(t.check("Protected").resourceName()).isEqualTo("orders-cluster");
        assertThat(t.check("Unprotected").remedy()).isEqualTo(new EnableClusterDeletionProtection("Unprotected"));
        assertThat(t.check("FromParameter").message()).contains("!Ref Protect");
        assertThat(t.check("Misspelt").message()).contains("DeletionProtection is 'yes'; CloudFormation accepts true or false");
    }

    @Test
    void terraformClustersAreJudgedByTheirArgument() {
        RuleTester t = RuleTester.rule(new RdsClusterDeletionProtection())
                .givenTerraform("rds-cluster")
                .evaluate()
                .statuses(Map.of("aws_rds_cluster.protected", Status.SUCCESS,
                        "aws_rds_cluster.unprotected[0]", Status.FAILURE, "aws_rds_cluster.unprotected[1]", Status.FAILURE,
                        "aws_rds_cluster.converted", Status.SUCCESS, "aws_rds_cluster.from_variable", Status.UNKNOWN));
        assertThat(t.check("aws_rds_cluster.protected").resourceName()).isEqualTo("orders");
        assertThat(t.check("aws_rds_cluster.from_variable").message()).contains("var.protect");
    }
}
