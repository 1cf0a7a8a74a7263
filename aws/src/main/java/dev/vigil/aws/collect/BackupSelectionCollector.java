package dev.vigil.aws.collect;

import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.TagCondition;
import dev.vigil.core.model.TagCondition.Operator;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.ConditionParameter;
import software.amazon.awssdk.services.backup.model.Conditions;
import software.amazon.awssdk.services.backup.model.ListBackupPlansResponse;
import software.amazon.awssdk.services.backup.model.ListBackupSelectionsResponse;

/** Every selection of every backup plan in the region: ListBackupPlans, ListBackupSelections, GetBackupSelection. */
public final class BackupSelectionCollector implements Collector {

    /** Plans, as the collector and the fixer list them. */
    public static final Pages<ListBackupPlansResponse, BackupPlansListMember> PLANS = new Pages<>(
            "backup:ListBackupPlans", "BackupPlansList", ListBackupPlansResponse::hasBackupPlansList,
            ListBackupPlansResponse::backupPlansList, ListBackupPlansResponse::nextToken);
    /** A plan's selections, as the collector and the fixer list them. */
    public static final Pages<ListBackupSelectionsResponse, BackupSelectionsListMember> SELECTIONS = new Pages<>(
            "backup:ListBackupSelections", "BackupSelectionsList", ListBackupSelectionsResponse::hasBackupSelectionsList,
            ListBackupSelectionsResponse::backupSelectionsList, ListBackupSelectionsResponse::nextToken);
    private static final String GET = "backup:GetBackupSelection";

    /** The region's plans, listed once per scan of the region: the plan collector reads them too. */
    static List<BackupPlansListMember> plans(RegionContext region, BackupClient client) {
        return region.shared().once(PLANS.operation(),
                () -> PLANS.all(client.listBackupPlansPaginator(r -> r.maxResults(100))));
    }

    @Override
    public Class<? extends Resource> kind() {
        return BackupSelection.class;
    }

    @Override
    public List<String> iamActions() {
        return List.of("backup:ListBackupPlans", "backup:ListBackupSelections", GET);
    }

    /**
     * Whether a resource is covered depends on every selection of the region, so these events re-read them all
     * (and what the rules judge with them, e.g. Backup-001's DB instances).
     */
    @Override
    public List<EventTrigger> triggers() {
        return List.of(EventTrigger.regionWide("backup.amazonaws.com", "CreateBackupSelection",
                "DeleteBackupSelection", "DeleteBackupPlan"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        BackupClient client = region.connection().client(BackupClient::builder, region.region());
        for (BackupPlansListMember plan : plans(region, client)) {
            String planId = required(plan.backupPlanId(), "backup:ListBackupPlans", "a plan without BackupPlanId");
            for (BackupSelectionsListMember member : SELECTIONS.all(
                    client.listBackupSelectionsPaginator(r -> r.backupPlanId(planId)))) {
                String selectionId = required(member.selectionId(), "backup:ListBackupSelections",
                        "a selection without SelectionId");
                var got = Faults.call(GET, () -> client.getBackupSelection(r -> r.backupPlanId(planId)
                        .selectionId(selectionId)).backupSelection());
                into.add(toModel(region, plan, selectionId,
                        required(got, GET, "no BackupSelection, which it always sends")));
            }
        }
    }

    private static <T> T required(T value, String operation, String what) {
        if (value == null) {
            throw new CollectionException(operation, "AWS answered " + what);
        }
        return value;
    }

    private static BackupSelection toModel(RegionContext region, BackupPlansListMember plan, String selectionId,
                                           software.amazon.awssdk.services.backup.model.BackupSelection s) {
        List<TagCondition> listOfTags = s.listOfTags().stream()
                .map(c -> condition(operator(c.conditionTypeAsString()), c.conditionKey(), c.conditionValue()))
                .toList();
        return new BackupSelection(region.origin(), selectionId, s.selectionName(),
                plan.backupPlanName(), known(s.resources()), known(s.notResources()), listOfTags,
                conditions(s.conditions()));
    }

    private static List<Value<String>> known(List<String> patterns) {
        return patterns.stream().map(Value::known).toList();
    }

    private static List<TagCondition> conditions(Conditions c) {
        List<TagCondition> out = new ArrayList<>();
        if (c != null) {
            add(out, Operator.STRING_EQUALS, c.stringEquals());
            add(out, Operator.STRING_LIKE, c.stringLike());
            add(out, Operator.STRING_NOT_EQUALS, c.stringNotEquals());
            add(out, Operator.STRING_NOT_LIKE, c.stringNotLike());
        }
        return out;
    }

    private static void add(List<TagCondition> out, Operator op, List<ConditionParameter> params) {
        params.forEach(p -> out.add(condition(op, p.conditionKey(), p.conditionValue())));
    }

    private static Operator operator(String type) {
        try {
            return Operator.parse(required(type, GET, "a tag condition without ConditionType"));
        } catch (IllegalArgumentException e) {
            throw new CollectionException(GET, "AWS answered an " + e.getMessage());
        }
    }

    private static TagCondition condition(Operator operator, String key, String value) {
        return TagCondition.of(operator, required(key, GET, "a tag condition without ConditionKey"),
                required(value, GET, "a tag condition without ConditionValue"));
    }
}
