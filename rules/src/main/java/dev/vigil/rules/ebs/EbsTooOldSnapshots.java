package dev.vigil.rules.ebs;

import dev.vigil.core.model.EbsSnapshot;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.DeleteSnapshot;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import dev.vigil.core.rule.RuleSetting;
import dev.vigil.core.rule.Setting;
import dev.vigil.rules.Age;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One check per EBS snapshot the account owns: started no more than the setting's days ago. A template snapshot is
 * taken when the template is applied, so its age is UNKNOWN there.
 */
@RuleInfo(id = "EBS-005", title = "EBS Volumes Too Old Snapshots", risk = Risk.LOW,
        categories = Category.COST_OPTIMISATION, compliances = {"AWAF", "NIST4", "NIST5"},
        controls = {"AWAF:COST04-BP05", "NIST4:SI-12", "NIST5:SI-12"},
        service = "EBS", resource = EbsSnapshot.class, remedy = DeleteSnapshot.class,
        settings = @RuleSetting(name = EbsTooOldSnapshots.MAXIMUM_AGE, label = "Snapshots at most (days old)",
                type = Setting.Type.INTEGER, value = "30", min = 1, max = 3650))
public final class EbsTooOldSnapshots implements Rule {

    static final String MAXIMUM_AGE = "maximumSnapshotAge";

    private final Clock clock;

    public EbsTooOldSnapshots() {
        this(Clock.systemUTC());
    }

    EbsTooOldSnapshots(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        long days = findings.integer(MAXIMUM_AGE);
        Instant now = clock.instant();
        for (EbsSnapshot snapshot : inventory.all(EbsSnapshot.class)) {
            if (findings.unresolved(snapshot, snapshot.startTime(), "Its start time")) {
                continue;
            }
            Instant start = ((Value.Known<Instant>) snapshot.startTime()).value();
            String started = "Started " + Age.ago(start, now);
            if (start.isBefore(now.minus(Duration.ofDays(days)))) {
                findings.fail(snapshot, started + ", more than " + days + " days ago",
                        new DeleteSnapshot(snapshot.name()));
            } else {
                findings.pass(snapshot, started + ", within " + days + " days");
            }
        }
    }
}
