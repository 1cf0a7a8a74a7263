package dev.vigil.rules.dynamodb;

import static dev.vigil.rules.Fixtures.live;
import static dev.vigil.rules.Fixtures.table;
import static dev.vigil.rules.Fixtures.tableArn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.DynamoDbBackup;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.BackUpTable;
import dev.vigil.rules.RuleTester;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DynamoDbOnDemandBackupsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String R = "us-east-1";

    private static DynamoDbTable t(String name) {
        return table(R, name, Value.failed("not read by this scan"), null);
    }

    private static DynamoDbBackup backup(String region, String table, String type, String status, int daysAgo) {
        String arn = tableArn(region, table) + "/backup/" + type + "-" + daysAgo;
        return new DynamoDbBackup(live(region), arn, table + "-" + type.toLowerCase() + "-" + daysAgo, table, type, status,
                NOW.minus(Duration.ofDays(daysAgo)).minusSeconds(60));
    }

    private static RuleTester rule() {
        return RuleTester.rule(new DynamoDbOnDemandBackups(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static RuleTester run(RuleTester t) {
        return t.given(t("fresh"), t("by-aws-backup"), t("creating"), t("stale"), t("never"), t("only-system"),
                        t("elsewhere"),
                        backup(R, "fresh", "USER", "AVAILABLE", 2), backup(R, "fresh", "USER", "AVAILABLE", 40),
                        backup(R, "by-aws-backup", "AWS_BACKUP", "AVAILABLE", 0),
                        backup(R, "creating", "USER", "CREATING", 0),
                        backup(R, "stale", "USER", "AVAILABLE", 9), backup(R, "stale", "USER", "DELETED", 1),
                        backup(R, "only-system", "SYSTEM", "AVAILABLE", 1),
                        backup("eu-west-1", "elsewhere", "USER", "AVAILABLE", 1))
                .evaluate();
    }

    @Test
    void theNewestOnDemandBackupMustBeRecent() {
        RuleTester t = run(rule())
                .statuses(Map.of(tableArn(R, "fresh"), Status.SUCCESS, tableArn(R, "by-aws-backup"), Status.SUCCESS,
                        tableArn(R, "creating"), Status.SUCCESS, tableArn(R, "stale"), Status.FAILURE,
                        tableArn(R, "never"), Status.FAILURE, tableArn(R, "only-system"), Status.FAILURE,
                        tableArn(R, "elsewhere"), Status.FAILURE));
        assertThat(t.check(tableArn(R, "fresh")).message()).isEqualTo("Newest on-demand backup fresh-user-2 was made "
                + "2 days ago, within 7 days");
        assertThat(t.check(tableArn(R, "creating")).message()).contains("is still being created");
        assertThat(t.check(tableArn(R, "stale")).message()).isEqualTo("Newest on-demand backup stale-user-9 was made "
                + "9 days ago, more than 7 days ago");
        assertThat(t.check(tableArn(R, "never")).message()).isEqualTo("The table has no on-demand backup");
        assertThat(t.check(tableArn(R, "never")).remedy()).isEqualTo(new BackUpTable("never", "7"));
        assertThat(t.check(tableArn(R, "fresh")).properties()).containsKey("lastBackup");
    }

    @Test
    void theThresholdIsASetting() {
        RuleTester t = run(rule().setting("maximumBackupAge", "10"));
        assertThat(t.check(tableArn(R, "stale")).status()).isEqualTo(Status.SUCCESS);
        assertThat(t.check(tableArn(R, "never")).remedy()).isEqualTo(new BackUpTable("never", "10"));
    }

    @Test
    void aBackupListingThatFailedLeavesTheRegionUndecided() {
        RuleTester t = rule().given(t("never"), table(R, "with-pitr", Value.known(PitrStatus.ENABLED), null))
                .givenFault(new Fault(live(R), Set.of(DynamoDbBackup.class), "dynamodb:ListBackups",
                        "AccessDeniedException: no"))
                .evaluate()
                .statuses(Map.of(tableArn(R, "never"), Status.ERROR, tableArn(R, "with-pitr"), Status.ERROR));
        assertThat(t.check(tableArn(R, "never")).message()).contains("dynamodb:ListBackups failed");
    }

    @Test
    void templateTablesHaveNoBackupsYet() {
        RuleTester t = rule().givenCloudFormation("dynamodb-pitr.yaml").evaluate()
                .statuses(Map.of("Orders", Status.UNKNOWN, "Sessions", Status.UNKNOWN, "Cache", Status.UNKNOWN,
                        "Audit", Status.UNKNOWN, "Global[us-east-1]", Status.UNKNOWN,
                        "Global[eu-west-1]", Status.UNKNOWN, "Global[${AWS::Region}]", Status.UNKNOWN));
        assertThat(t.check("Orders").message()).contains("a template cannot say");
        rule().givenTerraform("dynamodb-pitr").evaluate()
                .statuses(Map.of("aws_dynamodb_table.each[\"users\"]", Status.UNKNOWN,
                        "aws_dynamodb_table.each[\"orders\"]", Status.UNKNOWN,
                        "aws_dynamodb_table.counted[0]", Status.UNKNOWN, "aws_dynamodb_table.counted[1]", Status.UNKNOWN,
                        "aws_dynamodb_table.audit", Status.UNKNOWN, "aws_dynamodb_table.global", Status.UNKNOWN,
                        "aws_dynamodb_table.global.replica[\"eu-west-1\"]", Status.UNKNOWN));
    }
}
