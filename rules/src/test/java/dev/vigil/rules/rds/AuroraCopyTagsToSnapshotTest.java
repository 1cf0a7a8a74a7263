package dev.vigil.rules.rds;

import static dev.vigil.rules.Fixtures.clusterArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableClusterCopyTagsToSnapshot;
import dev.vigil.rules.Fixtures;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuroraCopyTagsToSnapshotTest {

    private static String arn(String name) {
        return clusterArn("us-east-1", name);
    }

    private static RdsCluster cluster(String name, String engine, Value<Boolean> copyTags) {
        return Fixtures.cluster("us-east-1", name, engine, Value.known(true), copyTags, Value.known(0L), Value.known(7L));
    }

    @Test
    void auroraAndMultiAzClustersMustCopyTagsDocumentDbAndNeptuneAreLeftToTheirRules() {
        RuleTester t = RuleTester.rule(new AuroraCopyTagsToSnapshot())
                .given(cluster("copies", "aurora-postgresql", Value.known(true)),
                        cluster("bare", "aurora-mysql", Value.known(false)),
                        cluster("multi-az", "postgres", Value.known(false)),
                        cluster("unread", "aurora-mysql", Value.failed("AWS did not report CopyTagsToSnapshot")),
                        cluster("docs", "docdb", Value.known(false)),
                        cluster("graph", "neptune", Value.known(false)))
                .evaluate()
                .statuses(Map.of(arn("copies"), Status.SUCCESS, arn("bare"), Status.FAILURE,
                        arn("multi-az"), Status.FAILURE, arn("unread"), Status.ERROR));
        assertThat(t.check(arn("bare")).remedy()).isEqualTo(new EnableClusterCopyTagsToSnapshot("bare"));
        assertThat(t.check(arn("unread")).message()).contains("AWS did not report CopyTagsToSnapshot");
    }

    @Test
    void cloudFormationClustersAreJudgedByCopyTagsToSnapshot() {
        RuleTester t = RuleTester.rule(new AuroraCopyTagsToSnapshot())
                .givenCloudFormation("db-clusters.yaml")
                .evaluate()
                .statuses(Map.of("Rewindable", Status.SUCCESS, "Plain", Status.FAILURE, "Postgres", Status.SUCCESS,
                        "FromParameters", Status.UNKNOWN, "EngineFromParameter", Status.SUCCESS,
                        "Misspelt", Status.ERROR));
        assertThat(t.check("Plain").remedy()).isEqualTo(new EnableClusterCopyTagsToSnapshot("Plain"));
        assertThat(t.check("FromParameters").message()).contains("!Ref Copy");
        assertThat(t.check("Misspelt").message()).contains("CopyTagsToSnapshot is 'yes'");
    }

    @Test
    void terraformClustersAreJudgedByCopyTagsToSnapshot() {
        RuleTester.rule(new AuroraCopyTagsToSnapshot())
                .givenTerraform("db-clusters")
                .evaluate()
                .statuses(Map.of("aws_rds_cluster.rewindable", Status.SUCCESS,
                        "aws_rds_cluster.plain[0]", Status.FAILURE, "aws_rds_cluster.plain[1]", Status.FAILURE,
                        "aws_rds_cluster.postgres", Status.SUCCESS, "aws_rds_cluster.from_variable", Status.SUCCESS));
    }
}
