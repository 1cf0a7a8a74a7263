package dev.vigil.rules.backup;

import static dev.vigil.rules.backup.BackupFixtures.plan;
import static dev.vigil.rules.backup.BackupFixtures.planArn;
import static dev.vigil.rules.backup.BackupFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.BackupPlan;
import dev.vigil.core.model.BackupPlan.BackupRule;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.SetBackupPlanLifecycle;
import dev.vigil.rules.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupPlanLifecycleTest {

    private static final long NEVER = BackupRule.NEVER;

    private static RuleTester run(RuleTester t) {
        return t.given(plan("p-set", "set", rule("daily", 30, 365), rule("monthly", 90, 730)),
                        plan("p-no-cold", "no-cold", rule("daily", NEVER, 35)),
                        plan("p-forever", "forever", rule("daily", 30, 365), rule("yearly", NEVER, NEVER)),
                        plan("p-empty", "empty"),
                        new BackupPlan(BackupFixtures.plan("p-unread", "unread").origin(), planArn("p-unread"),
                                "unread", planArn("p-unread"), Value.known(List.of(new BackupRule("daily",
                                Value.failed("AWS did not report the rule's lifecycle"), Value.known(30L))))),
                        new BackupPlan(BackupFixtures.plan("p-gone", "gone").origin(), planArn("p-gone"), "gone",
                                planArn("p-gone"), Value.failed("backup:GetBackupPlan failed: ResourceNotFound")))
                .evaluate();
    }

    @Test
    void everyRuleMustSetBothLifecycleDays() {
        RuleTester t = run(RuleTester.rule(new BackupPlanLifecycle()))
                .statuses(Map.of(planArn("p-set"), Status.SUCCESS, planArn("p-no-cold"), Status.FAILURE,
                        planArn("p-forever"), Status.FAILURE, planArn("p-empty"), Status.SUCCESS,
                        planArn("p-unread"), Status.ERROR, planArn("p-gone"), Status.ERROR));
        assertThat(t.check(planArn("p-no-cold")).message()).isEqualTo("rule daily sets no MoveToColdStorageAfterDays");
        assertThat(t.check(planArn("p-forever")).message()).isEqualTo("rule yearly sets no "
                + "MoveToColdStorageAfterDays; rule yearly sets no DeleteAfterDays");
        assertThat(t.check(planArn("p-empty")).message()).isEqualTo("The plan has no rule");
        assertThat(t.check(planArn("p-unread")).message()).contains("did not report the rule's lifecycle");
        assertThat(t.check(planArn("p-forever")).remedy()).isEqualTo(new SetBackupPlanLifecycle("p-forever",
                "forever", "COLD_STORAGE_AFTER_DAYS", "DELETE_AFTER_DAYS"));
    }

    @Test
    void settingsNameTheDaysEveryRuleMustSet() {
        RuleTester t = run(RuleTester.rule(new BackupPlanLifecycle()).setting("deleteAfterDays", "365")
                .setting("moveToColdStorageAfterDays", "30"))
                .statuses(Map.of(planArn("p-set"), Status.FAILURE, planArn("p-no-cold"), Status.FAILURE,
                        planArn("p-forever"), Status.FAILURE, planArn("p-empty"), Status.SUCCESS,
                        planArn("p-unread"), Status.ERROR, planArn("p-gone"), Status.ERROR));
        assertThat(t.check(planArn("p-set")).message()).isEqualTo("rule monthly sets MoveToColdStorageAfterDays 90, "
                + "not 30; rule monthly sets DeleteAfterDays 730, not 365");
        assertThat(t.check(planArn("p-set")).remedy()).isEqualTo(new SetBackupPlanLifecycle("p-set", "set", "30",
                "365"));
    }

    @Test
    void cloudFormationPlansByTheirRules() {
        RuleTester t = RuleTester.rule(new BackupPlanLifecycle())
                .givenCloudFormation("backup.yaml")
                .evaluate()
                .statuses(Map.of("DailyPlan", Status.SUCCESS, "NoColdPlan", Status.FAILURE,
                        "ParameterPlan", Status.UNKNOWN));
        assertThat(t.check("DailyPlan").resourceName()).isEqualTo("daily-plan");
        assertThat(t.check("NoColdPlan").message()).isEqualTo("rule weekly sets no MoveToColdStorageAfterDays; "
                + "rule monthly sets no MoveToColdStorageAfterDays; rule monthly sets no DeleteAfterDays");
        assertThat(t.check("ParameterPlan").message()).contains("!Ref Retention");
    }

    @Test
    void terraformPlansByTheirRuleBlocks() {
        RuleTester t = RuleTester.rule(new BackupPlanLifecycle()).setting("deleteAfterDays", "365")
                .givenTerraform("backup")
                .evaluate()
                .statuses(Map.of("aws_backup_plan.daily", Status.SUCCESS, "aws_backup_plan.forever", Status.FAILURE,
                        "aws_backup_plan.undecided", Status.UNKNOWN));
        assertThat(t.check("aws_backup_plan.forever").message()).isEqualTo("rule weekly sets no "
                + "MoveToColdStorageAfterDays; rule weekly sets DeleteAfterDays 35, not 365; rule monthly sets no "
                + "MoveToColdStorageAfterDays; rule monthly sets no DeleteAfterDays");
        assertThat(t.check("aws_backup_plan.undecided").message()).contains("var.retention");
    }
}
