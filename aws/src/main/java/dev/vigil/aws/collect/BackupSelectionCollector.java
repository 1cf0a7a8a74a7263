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
import software.amazon.awssdk.services.backup.model.GetBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.ListBackupPlansResponse;

/** Every selection of every backup plan in the region: ListBackupPlans, ListBackupSelections, GetBackupSelection. */
public final class BackupSelectionCollector implements Collector {

    /** Plans, as the collector and the fixer list them. */
    public static final Pages<ListBackupPlansResponse, BackupPlansListMember> PLANS = new Pages<>(
            "backup:ListBackupPlans", "BackupPlansList", ListBackupPlansResponse::hasBackupPlansList,
            ListBackupPlansResponse::backupPlansList, ListBackupPlansResponse::nextToken);

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
        return List.of("backup:ListBackupPlans", "backup:ListBackupSelections", "backup:GetBackupSelection");
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        BackupClient client = region.connection().client(BackupClient::builder, region.region());
        for (BackupPlansListMember plan : plans(region, client)) {
            List<BackupSelectionsListMember> selections = Faults.call("backup:ListBackupSelections",
                    () -> client.listBackupSelectionsPaginator(r -> r.backupPlanId(plan.backupPlanId()))
                            .backupSelectionsList().stream().toList());
            for (BackupSelectionsListMember member : selections) {
                GetBackupSelectionResponse got = Faults.call("backup:GetBackupSelection",
                        () -> client.getBackupSelection(r -> r.backupPlanId(plan.backupPlanId())
                                .selectionId(member.selectionId())));
                into.add(toModel(region, plan, member, got.backupSelection()));
            }
        }
    }

    private static BackupSelection toModel(RegionContext region, BackupPlansListMember plan,
                                           BackupSelectionsListMember member,
                                           software.amazon.awssdk.services.backup.model.BackupSelection s) {
        List<TagCondition> listOfTags = s.listOfTags().stream()
                .map(c -> TagCondition.of(Operator.parse(c.conditionTypeAsString()), c.conditionKey(),
                        c.conditionValue()))
                .toList();
        return new BackupSelection(region.origin(), member.selectionId(), s.selectionName(),
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
        params.forEach(p -> out.add(TagCondition.of(op, p.conditionKey(), p.conditionValue())));
    }
}
