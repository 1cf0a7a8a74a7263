package dev.vigil.rules.rds;

import static dev.vigil.rules.Fixtures.clusterArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableClusterBacktrack;
import dev.vigil.rules.Fixtures;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuroraBacktrackTest {

    private static String arn(String name) {
        return clusterArn("us-east-1", name);
    }

    private static RdsCluster cluster(String name, String engine, Value<Long> window) {
        return Fixtures.cluster("us-east-1", name, engine, Value.known(true), Value.known(true), window, Value.known(7L));
    }

    @Test
    void auroraMySqlClustersNeedABacktrackWindowOtherEnginesAreNotJudged() {
        RuleTester t = RuleTester.rule(new AuroraBacktrack())
                .given(cluster("rewind", "aurora-mysql", Value.known(3600L)),
                        cluster("legacy", "aurora", Value.known(0L)),
                        cluster("off", "aurora-mysql", Value.known(0L)),
                        cluster("unread", "aurora-mysql", Value.failed("AWS did not report BacktrackWindow")),
                        cluster("pg", "aurora-postgresql", Value.known(0L)),
                        cluster("multi-az", "mysql", Value.known(0L)),
                        cluster("graph", "neptune", Value.known(0L)),
                        cluster("undecided", null, Value.known(0L)))
                .evaluate()
                .statuses(Map.of(arn("rewind"), Status.SUCCESS, arn("legacy"), Status.FAILURE,
                        arn("off"), Status.FAILURE, arn("unread"), Status.ERROR, arn("undecided"), Status.UNKNOWN));
        assertThat(t.check(arn("rewind")).properties()).containsEntry("backtrackWindowSeconds", 3600L);
        assertThat(t.check(arn("off")).remedy()).isEqualTo(new EnableClusterBacktrack("off", "off-backtrack", "86400"));
        assertThat(t.check(arn("unread")).message()).contains("AWS did not report BacktrackWindow");
        assertThat(t.check(arn("undecided")).message()).contains("engine cannot be resolved");
    }

    @Test
    void cloudFormationClustersAreJudgedByBacktrackWindow() {
        RuleTester t = RuleTester.rule(new AuroraBacktrack())
                .givenCloudFormation("db-clusters.yaml")
                .evaluate()
                .statuses(Map.of("Rewindable", Status.SUCCESS, "Plain", Status.FAILURE,
                        "FromParameters", Status.UNKNOWN, "EngineFromParameter", Status.UNKNOWN,
                        "Misspelt", Status.ERROR));
        assertThat(t.check("Rewindable").resourceName()).isEqualTo("orders-cluster");
        assertThat(t.check("Plain").remedy()).isEqualTo(new EnableClusterBacktrack("Plain", "Plain-backtrack", "86400"));
        assertThat(t.check("FromParameters").message()).contains("!Ref Window");
        assertThat(t.check("Misspelt").message()).contains("BacktrackWindow is 'a day'; CloudFormation accepts a whole number");
    }

    @Test
    void terraformClustersAreJudgedByBacktrackWindow() {
        RuleTester t = RuleTester.rule(new AuroraBacktrack())
                .givenTerraform("db-clusters")
                .evaluate()
                .statuses(Map.of("aws_rds_cluster.rewindable", Status.SUCCESS,
                        "aws_rds_cluster.plain[0]", Status.FAILURE, "aws_rds_cluster.plain[1]", Status.FAILURE,
                        "aws_rds_cluster.from_variable", Status.UNKNOWN));
        assertThat(t.check("aws_rds_cluster.from_variable").message()).contains("var.window");
    }
}
