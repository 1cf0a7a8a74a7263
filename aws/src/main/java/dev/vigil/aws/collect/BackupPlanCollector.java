package dev.vigil.aws.collect;

import dev.vigil.core.model.BackupPlan;
import dev.vigil.core.model.BackupPlan.BackupRule;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.Lifecycle;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

/**
 * Backup plans: ListBackupPlans (made once per region scan and shared with the selection collector, see
 * {@link BackupSelectionCollector#plans}) and GetBackupPlan per plan, because the listing carries no rules and no call
 * returns several plans. A plan that cannot be read is a failed value of that plan; one deleted since it was listed is
 * absent. A re-check reads the named plans (by plan ID, as CloudTrail names them) only.
 */
public final class BackupPlanCollector implements Collector {

    static final String GET = "backup:GetBackupPlan";

    @Override
    public Class<? extends Resource> kind() {
        return BackupPlan.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of(BackupSelectionCollector.PLANS.operation(), GET);
    }

    @Override
    public List<EventTrigger> triggers() {
        // Region-wide: the events name a plan by its ID, which is neither the name nor the ARN the store keys it by.
        return List.of(EventTrigger.regionWide("backup.amazonaws.com", "CreateBackupPlan", "UpdateBackupPlan",
                "DeleteBackupPlan"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        BackupClient client = region.connection().client(BackupClient::builder, region.region());
        long incomplete = 0;
        for (BackupPlansListMember plan : BackupSelectionCollector.plans(region, client)) {
            if (plan.backupPlanId() == null || plan.backupPlanArn() == null || plan.backupPlanName() == null) {
                incomplete++;
                continue;
            }
            read(region, client, plan.backupPlanId(), plan.backupPlanArn(), plan.backupPlanName(), into);
        }
        if (incomplete > 0) {
            throw new CollectionException(BackupSelectionCollector.PLANS.operation(), "AWS answered " + incomplete
                    + " plan(s) without the BackupPlanId, BackupPlanArn or BackupPlanName it always sends; they cannot "
                    + "be judged");
        }
    }

    /** One GetBackupPlan per named plan. */
    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        BackupClient client = region.connection().client(BackupClient::builder, region.region());
        for (String name : names) {
            read(region, client, name.substring(name.lastIndexOf(':') + 1), null, null, into);
        }
    }

    /**
     * The plan with its rules; {@code arn} and {@code name} come from the answer when no listing gave them (a re-check),
     * and a re-check that cannot read the plan is a fault of the kind, as a listing's would be.
     */
    private static void read(RegionContext region, BackupClient client, String id, String arn, String name,
                             Inventory into) {
        software.amazon.awssdk.services.backup.model.GetBackupPlanResponse got;
        try {
            got = client.getBackupPlan(r -> r.backupPlanId(id));
        } catch (ResourceNotFoundException gone) {
            return;
        } catch (RuntimeException e) {
            if (arn == null) {
                throw new CollectionException(GET, e);
            }
            into.add(new BackupPlan(region.origin(), arn, name, arn, Value.failed(GET + " failed: "
                    + Faults.describe(e))));
            return;
        }
        var plan = got.backupPlan();
        arn = arn != null ? arn : got.backupPlanArn();
        name = name != null ? name : plan == null ? null : plan.backupPlanName();
        if (arn == null || name == null) {
            throw new CollectionException(GET, "AWS answered plan " + id + " without the BackupPlanArn or "
                    + "BackupPlanName it always sends");
        }
        into.add(new BackupPlan(region.origin(), arn, name, arn, plan == null || !plan.hasRules()
                ? Value.failed(GET + " answered without BackupPlan.Rules, which it always sends")
                : Value.known(rules(plan.rules()))));
    }

    private static List<BackupRule> rules(List<software.amazon.awssdk.services.backup.model.BackupRule> rules) {
        List<BackupRule> out = new ArrayList<>();
        for (var rule : rules) {
            Lifecycle lifecycle = rule.lifecycle();
            out.add(new BackupRule(rule.ruleName() == null ? "#" + (out.size() + 1) : rule.ruleName(),
                    days(lifecycle == null ? null : lifecycle.deleteAfterDays()),
                    days(lifecycle == null ? null : lifecycle.moveToColdStorageAfterDays())));
        }
        return out;
    }

    /** Absent and -1 both keep recovery points where they are. */
    private static Value<Long> days(Long days) {
        return Value.known(days == null || days < 0 ? BackupRule.NEVER : days);
    }
}
