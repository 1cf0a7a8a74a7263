package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.aws.remediate.Applied;
import dev.vigil.aws.remediate.Change;
import dev.vigil.aws.remediate.Change.Kind;
import dev.vigil.aws.remediate.Change.State;
import dev.vigil.aws.remediate.FixSettings;
import dev.vigil.aws.remediate.LiveFixer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.rule.Catalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;

/** Property remedies (RDS-035 here) planned by reading the current value and applied through their live action, on moto. */
class LiveFixPropertyTest {

    private static final List<String> REGIONS = List.of("us-east-1");

    private static List<Check> failing(AwsConnection aws) {
        return new LiveScanner(aws).scan(Catalog.load().select(List.of("RDS-035")), (r, d, t, n) -> { }).checkList()
                .stream().filter(c -> c.status() == Status.FAILURE).toList();
    }

    @Test
    void aFailingClusterIsPlannedFromItsCurrentValueAndFixedByItsLiveAction() {
        MotoServer moto = Emulator.fresh();
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), REGIONS))) {
            RdsClient rds = aws.client(RdsClient::builder, "us-east-1");
            DemoAccount.createCluster(rds, "open-cluster", "aurora-postgresql", false);
            DemoAccount.createCluster(rds, "closed-cluster", "aurora-postgresql", true);

            List<Check> failing = failing(aws);
            assertThat(failing).extracting(Check::resourceName).containsExactly("open-cluster");
            LiveFixer fixer = new LiveFixer(aws, "123456789012", new FixSettings(BackupPlanDefaults.PLAN_NAME, false));
            List<Change> plan = fixer.plan(failing, false);
            assertThat(plan).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(Kind.SET_PROPERTY);
                assertThat(c.action()).isEqualTo("rds:ModifyDBCluster");
                assertThat(c.resource()).isEqualTo("open-cluster");
                assertThat(c.before()).isEqualTo("DeletionProtection=false");
                assertThat(c.state()).isEqualTo(State.TO_DO);
            });

            List<Applied> applied = fixer.apply(plan, new RecordedJournal());
            assertThat(applied).singleElement().satisfies(a -> {
                assertThat(a.ok()).as(a.error()).isTrue();
                assertThat(a.after()).isEqualTo("DeletionProtection=true");
            });
            assertThat(failing(aws)).isEmpty();
            assertThat(fixer.plan(failing, false).getFirst().state()).isEqualTo(State.IN_PLACE);
        }
    }
}
