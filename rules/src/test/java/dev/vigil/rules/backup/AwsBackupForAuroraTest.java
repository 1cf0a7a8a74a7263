package dev.vigil.rules.backup;

import static dev.vigil.rules.Fixtures.ACCOUNT;
import static dev.vigil.rules.Fixtures.clusterArn;
import static dev.vigil.rules.Fixtures.live;
import static dev.vigil.rules.Fixtures.regionSettings;
import static dev.vigil.rules.Fixtures.selection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.BackupRegionSettings;
import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsCluster;
import dev.vigil.core.model.TagCondition;
import dev.vigil.core.model.TagCondition.Operator;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.ProtectClusterWithBackupPlan;
import dev.vigil.rules.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackupForAuroraTest {

    private static final String R = "us-east-1";
    private static final TagCondition DAILY = new TagCondition(Operator.STRING_EQUALS, "backup", "daily");

    private static RdsCluster cluster(String region, String name, String engine, Map<String, String> tags) {
        return new RdsCluster(live(region), clusterArn(region, name), name, clusterArn(region, name), engine,
                Value.known(true), Value.known(true), Value.known(0L), Value.known(7L), tags);
    }

    private static RdsCluster aurora(String name, Map<String, String> tags) {
        return cluster(R, name, "aurora-postgresql", tags);
    }

    private static BackupSelection byTags() {
        return selection(R, List.of(), List.of(), List.of(DAILY), List.of());
    }

    @Test
    void aClusterNamedBySelectionPassesOthersFailWithARemedyAndNonAuroraClustersAreLeftAlone() {
        RuleTester t = RuleTester.rule(new AwsBackupForAurora())
                .given(selection(R, List.of(clusterArn(R, "named")), List.of(), List.of(), List.of()),
                        aurora("named", Map.of()), cluster(R, "plain", "aurora-mysql", Map.of()),
                        cluster(R, "multi-az", "mysql", Map.of()), cluster(R, "docs", "docdb", Map.of()),
                        cluster(R, "graph", "neptune", Map.of()),
                        cluster("eu-west-1", "named", "aurora-mysql", Map.of()))
                .evaluate()
                .statuses(Map.of(clusterArn(R, "named"), Status.SUCCESS, clusterArn(R, "plain"), Status.FAILURE,
                        clusterArn("eu-west-1", "named"), Status.FAILURE));
        assertThat(t.check(clusterArn(R, "named")).message()).contains("backup plan plan assigns it through selection");
        assertThat(t.check(clusterArn(R, "plain")).remedy())
                .isEqualTo(new ProtectClusterWithBackupPlan(clusterArn(R, "plain"), "plain"));
    }

    @Test
    void theDbInstanceTypeDoesNotSelectClustersTheClusterTypeDoesEvenWhenAuroraIsOptedOut() {
        RuleTester t = RuleTester.rule(new AwsBackupForAurora())
                .given(selection(R, List.of("arn:aws:rds:*:*:db:*"), List.of(), List.of(), List.of()),
                        aurora("a", Map.of()), regionSettings(R, BackupRegionSettings.AURORA, Value.known(false)))
                .evaluate()
                .statuses(Map.of(clusterArn(R, "a"), Status.FAILURE));
        RuleTester byType = RuleTester.rule(new AwsBackupForAurora())
                .given(selection(R, List.of("arn:aws:rds:*:*:cluster:*"), List.of(clusterArn(R, "excluded")),
                                List.of(), List.of()),
                        aurora("a", Map.of()), aurora("excluded", Map.of()),
                        regionSettings(R, BackupRegionSettings.AURORA, Value.known(false)))
                .evaluate()
                .statuses(Map.of(clusterArn(R, "a"), Status.SUCCESS, clusterArn(R, "excluded"), Status.FAILURE));
        assertThat(byType.check(clusterArn(R, "a")).message()).doesNotContain("opted in");
    }

    @Test
    void tagSelectionsCountOnlyWhereAuroraItselfIsOptedIn() {
        RuleTester optedOut = RuleTester.rule(new AwsBackupForAurora())
                .given(byTags(), aurora("a", Map.of("backup", "daily")),
                        new BackupRegionSettings(live(R), "settings", R, Map.of(BackupRegionSettings.RDS,
                                Value.known(true), BackupRegionSettings.AURORA, Value.known(false))))
                .evaluate()
                .statuses(Map.of(clusterArn(R, "a"), Status.FAILURE));
        assertThat(optedOut.check(clusterArn(R, "a")).message())
                .contains("Aurora is not opted in to AWS Backup in this region", "ARN resource type (cluster)");

        RuleTester optedIn = RuleTester.rule(new AwsBackupForAurora())
                .given(byTags(), aurora("a", Map.of("backup", "daily")), aurora("b", Map.of()),
                        new BackupRegionSettings(live(R), "settings", R, Map.of(BackupRegionSettings.RDS,
                                Value.known(false), BackupRegionSettings.AURORA, Value.known(true))))
                .evaluate()
                .statuses(Map.of(clusterArn(R, "a"), Status.SUCCESS, clusterArn(R, "b"), Status.FAILURE));
        assertThat(optedIn.check(clusterArn(R, "a")).message()).endsWith("and Aurora is opted in to AWS Backup in this region");

        RuleTester unstated = RuleTester.rule(new AwsBackupForAurora())
                .given(byTags(), aurora("a", Map.of("backup", "daily")), regionSettings(R, Value.known(false)))
                .evaluate()
                .statuses(Map.of(clusterArn(R, "a"), Status.SUCCESS));
        assertThat(unstated.check(clusterArn(R, "a")).message())
                .contains("relies on AWS Backup's default service opt-in for Aurora");
    }

    @Test
    void anUnreadableOptInIsAnErrorAndAnUnresolvedOneUnknown() {
        RuleTester failed = RuleTester.rule(new AwsBackupForAurora())
                .given(byTags(), aurora("a", Map.of("backup", "daily")), aurora("b", Map.of()),
                        regionSettings(R, BackupRegionSettings.AURORA,
                                Value.failed("backup:DescribeRegionSettings failed: AccessDeniedException")))
                .evaluate()
                .statuses(Map.of(clusterArn(R, "a"), Status.ERROR, clusterArn(R, "b"), Status.FAILURE));
        assertThat(failed.check(clusterArn(R, "a")).message()).contains("AccessDeniedException");

        RuleTester unknown = RuleTester.rule(new AwsBackupForAurora())
                .given(byTags(), aurora("a", Map.of("backup", "daily")),
                        regionSettings(R, BackupRegionSettings.AURORA, Value.unknown("var.aurora_opt_in")))
                .evaluate()
                .statuses(Map.of(clusterArn(R, "a"), Status.UNKNOWN));
        assertThat(unknown.check(clusterArn(R, "a")).message()).contains("var.aurora_opt_in");
    }

    @Test
    void anUnresolvedPatternOrEngineIsUnknown() {
        Origin.Template origin = new Origin.Template("stack.yaml", 3, "stack.yaml");
        String arn = "arn:aws:rds:${AWS::Region}:" + ACCOUNT + ":cluster:";
        RdsCluster covered = new RdsCluster(origin, "Covered", "covered", arn + "covered", "aurora-mysql",
                Value.known(true), Value.known(true), Value.known(0L), Value.known(7L), Map.of("backup", "daily"));
        RdsCluster other = new RdsCluster(origin, "Other", "other", arn + "other", "aurora-mysql",
                Value.known(true), Value.known(true), Value.known(0L), Value.known(7L), Map.of());
        RdsCluster noEngine = new RdsCluster(origin, "NoEngine", "noengine", arn + "noengine", null,
                Value.known(true), Value.known(true), Value.known(0L), Value.known(7L), Map.of());
        BackupSelection unresolved = new BackupSelection(origin, "Sel", "Sel", "Plan",
                List.of(Value.unknown("!ImportValue shared-cluster-arn")), List.of(), List.of(DAILY), List.of());
        RuleTester t = RuleTester.rule(new AwsBackupForAurora())
                .given(covered, other, noEngine, unresolved)
                .evaluate()
                .statuses(Map.of("Covered", Status.SUCCESS, "Other", Status.UNKNOWN, "NoEngine", Status.UNKNOWN));
        assertThat(t.check("Other").message()).contains("!ImportValue shared-cluster-arn");
        assertThat(t.check("NoEngine").message()).contains("engine");
    }

    @Test
    void cloudFormationSelectionsByGetAttSubAndTagsWithNotResources() {
        RuleTester t = RuleTester.rule(new AwsBackupForAurora())
                .givenCloudFormation("aurora-backup.yaml")
                .evaluate()
                .statuses(Map.of("Orders", Status.SUCCESS, "Reports", Status.SUCCESS, "Tagged", Status.SUCCESS,
                        "Excluded", Status.FAILURE, "Unprotected", Status.FAILURE, "FromParameter", Status.UNKNOWN));
        assertThat(t.check("Orders").message()).contains("by-getatt");
        assertThat(t.check("Reports").message()).contains("by-sub");
        assertThat(t.check("Tagged").message()).contains("by-tags", "default service opt-in for Aurora");
        assertThat(t.check("Unprotected").remedy()).isInstanceOf(ProtectClusterWithBackupPlan.class);
    }

    @Test
    void terraformRegionSettingsOptAuroraOutSoOnlyTheSelectionNamingTheClusterCovers() {
        RuleTester t = RuleTester.rule(new AwsBackupForAurora())
                .givenTerraform("aurora-backup")
                .evaluate()
                .statuses(Map.of("aws_rds_cluster.named", Status.SUCCESS, "aws_rds_cluster.tagged", Status.FAILURE));
        assertThat(t.check("aws_rds_cluster.named").message()).contains("by-arn");
        assertThat(t.check("aws_rds_cluster.tagged").message()).contains("Aurora is not opted in");
        assertThat(t.check("aws_rds_cluster.tagged").remedy()).isInstanceOf(ProtectClusterWithBackupPlan.class);
    }
}
