package dev.vigil.aws.remediate;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.collect.Faults;
import dev.vigil.aws.collect.RegionContext;
import dev.vigil.aws.remediate.Change.Kind;
import dev.vigil.aws.remediate.Change.State;
import dev.vigil.core.check.Check;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.remedy.EnablePointInTimeRecovery;
import dev.vigil.core.remedy.PropertyFix;
import dev.vigil.core.remedy.ProtectWithBackupPlan;
import dev.vigil.core.remedy.Remedy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Turns failing checks into changes and makes them. Planning reads only; applying makes exactly the
 * changes planned as TO_DO. Nothing is ever deleted or replaced: an existing vault, role, plan or
 * selection is reused, and new instances get a new selection beside the existing ones.
 */
public final class LiveFixer {

    /** Changes a backup selection of the same region (or, for the role, of every region) depends on. */
    private static final java.util.Set<Kind> PREREQUISITES =
            java.util.EnumSet.of(Kind.CREATE_ROLE, Kind.CREATE_VAULT, Kind.CREATE_BACKUP_PLAN);

    /** IAM is global: its changes are planned under this pseudo-region. */
    static final String GLOBAL = "global";

    private final AwsConnection aws;
    private final String account;
    private final FixSettings settings;

    public LiveFixer(AwsConnection aws, String account, FixSettings settings) {
        this.aws = aws;
        this.account = account;
        this.settings = settings;
    }

    /** The changes that would fix these checks (FAILURE checks of this account with a remedy). */
    public List<Change> plan(List<Check> failing) {
        List<Change> perRegion = new ArrayList<>();
        Map<String, List<Check>> backupByRegion = new LinkedHashMap<>();
        for (Check check : failing) {
            if (!(check.origin() instanceof Origin.Live live) || !live.account().equals(account)) {
                continue;
            }
            switch (check.remedy()) {
                case EnablePointInTimeRecovery pitr -> perRegion.add(planPitr(live.region(), pitr.tableName(), check));
                case ProtectWithBackupPlan ignored ->
                        backupByRegion.computeIfAbsent(live.region(), r -> new ArrayList<>()).add(check);
                case null -> { }
                default -> perRegion.add(planProperty(live.region(), check));
            }
        }
        List<Change> plan = new ArrayList<>();
        if (!backupByRegion.isEmpty()) {
            Change role = planRole(backupByRegion.keySet().iterator().next());
            plan.add(role);
            backupByRegion.forEach((region, checks) -> perRegion.addAll(planBackup(region, checks, role.state())));
        }
        // the global role first, then region by region; within a region, plan order
        perRegion.sort(java.util.Comparator.comparing(Change::region));
        plan.addAll(perRegion);
        return plan;
    }

    /**
     * Makes the TO_DO changes in plan order; a failed change is reported and the others go on. A
     * selection is not attempted when the role, or its region's vault or plan, failed before it.
     */
    public List<Applied> apply(List<Change> plan, Consumer<Applied> onEach) {
        List<Applied> results = new ArrayList<>();
        Set<String> failedRegions = new HashSet<>();
        for (Change change : plan) {
            if (change.state() != State.TO_DO) {
                continue;
            }
            Applied result;
            if (change.kind() == Kind.CREATE_BACKUP_SELECTION
                    && (failedRegions.contains(change.region()) || failedRegions.contains(GLOBAL))) {
                result = Applied.failed(change, "not attempted: a change it depends on failed");
            } else {
                try {
                    result = Applied.ok(change, make(change));
                } catch (RuntimeException e) {
                    result = Applied.failed(change, Faults.describe(e));
                }
            }
            if (!result.ok() && PREREQUISITES.contains(change.kind())) {
                failedRegions.add(change.region());
            }
            results.add(result);
            onEach.accept(result);
        }
        return results;
    }

    private Change planPitr(String region, String table, Check check) {
        String before;
        State state = State.TO_DO;
        try {
            before = aws.client(DynamoDbClient::builder, region).describeContinuousBackups(r -> r.tableName(table))
                    .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString();
            if ("ENABLED".equals(before) || "ENABLING".equals(before)) {
                state = State.IN_PLACE;
            }
        } catch (RuntimeException e) {
            before = "unknown (" + Faults.describe(e) + ")";
        }
        return new Change(account, region, Kind.ENABLE_PITR, "dynamodb:UpdateContinuousBackups", table, List.of(table),
                List.of(reason(check)), "PointInTimeRecoveryStatus=" + before, state, null);
    }

    /**
     * A remedy that sets properties of one resource: confirmed by reading the current value; blocked, naming the
     * emitted forms, when it has no live action (a change Vigil does not make itself).
     */
    private Change planProperty(String region, Check check) {
        Remedy remedy = check.remedy();
        String resource = check.resourceName();
        List<String> reasons = List.of(reason(check));
        Optional<PropertyActions.Action<Remedy>> action = PropertyActions.forRemedy(remedy);
        if (action.isEmpty()) {
            return new Change(account, region, Kind.SET_PROPERTY, "none", resource, List.of(resource), reasons,
                    "as scanned", State.BLOCKED, remedy.getClass().getAnnotation(PropertyFix.class).planOnly()
                    + "; make it with 'vigil fix --emit cli|cloudformation|terraform' (see 'vigil explain "
                    + check.rule().id() + "')", remedy);
        }
        String before;
        State state = State.TO_DO;
        String blocked = null;
        try {
            PropertyActions.State read = action.get().read(aws, region, remedy);
            before = read.before();
            state = read.blocked() != null ? State.BLOCKED : read.inPlace() ? State.IN_PLACE : State.TO_DO;
            blocked = read.blocked();
        } catch (RuntimeException e) {
            before = "unknown (" + Faults.describe(e) + ")";
        }
        return new Change(account, region, Kind.SET_PROPERTY, action.get().iamAction(), resource, List.of(resource),
                reasons, before, state, blocked, remedy);
    }

    private String applyProperty(String region, Remedy remedy) {
        return PropertyActions.forRemedy(remedy).orElseThrow(() -> new IllegalStateException(
                "no live action for " + remedy.getClass().getSimpleName())).apply(aws, region, remedy);
    }

    /** The default service role must exist and carry AWS's backup policy; both steps are idempotent. */
    private Change planRole(String anyRegion) {
        String arn = BackupPlanDefaults.roleArn(RegionContext.partitionOf(anyRegion), account);
        List<String> reasons = List.of("Backup-001: AWS Backup assigns resources with this role");
        String before;
        try {
            iam().getRole(r -> r.roleName(BackupPlanDefaults.ROLE_NAME));
            boolean attached = iam().listAttachedRolePoliciesPaginator(r -> r.roleName(BackupPlanDefaults.ROLE_NAME))
                    .attachedPolicies().stream().anyMatch(p -> BackupPlanDefaults.ROLE_POLICY.equals(p.policyArn()));
            if (attached) {
                return new Change(account, GLOBAL, Kind.CREATE_ROLE, "iam:CreateRole", arn, List.of(arn), reasons,
                        "exists", State.IN_PLACE, null);
            }
            before = "exists without " + BackupPlanDefaults.ROLE_POLICY;
        } catch (NoSuchEntityException missing) {
            before = "absent";
        }
        Change create = new Change(account, GLOBAL, Kind.CREATE_ROLE, "iam:CreateRole", arn, List.of(arn), reasons,
                before, State.TO_DO, null);
        return settings.createRole() ? create : create.withState(State.BLOCKED,
                "the AWS Backup default service role is " + before + ". Set it up once: in the AWS Backup console "
                        + "assign resources with the default role, or run the AWS CLI commands in "
                        + "'vigil explain Backup-001', or run again with --create-role");
    }

    private List<Change> planBackup(String region, List<Check> checks, State roleState) {
        BackupClient backup = aws.client(BackupClient::builder, region);
        List<String> reasons = checks.stream().map(LiveFixer::reason).toList();
        List<String> arns = checks.stream().map(c -> ((ProtectWithBackupPlan) c.remedy()).instanceArn()).sorted()
                .toList();
        List<Change> changes = new ArrayList<>();

        boolean vaultExists = backup.listBackupVaultsPaginator(r -> r.maxResults(100)).backupVaultList().stream()
                .anyMatch(v -> BackupPlanDefaults.VAULT.equals(v.backupVaultName()));
        changes.add(new Change(account, region, Kind.CREATE_VAULT, "backup:CreateBackupVault", BackupPlanDefaults.VAULT,
                List.of(BackupPlanDefaults.VAULT), reasons, vaultExists ? "exists" : "absent",
                vaultExists ? State.IN_PLACE : State.TO_DO, null));

        Optional<BackupPlansListMember> plan = findPlan(backup);
        changes.add(new Change(account, region, Kind.CREATE_BACKUP_PLAN, "backup:CreateBackupPlan",
                settings.backupPlanName(), List.of(settings.backupPlanName()), reasons,
                plan.map(p -> "exists (" + p.backupPlanId() + ")").orElse("absent"),
                plan.isPresent() ? State.IN_PLACE : State.TO_DO, null));

        String selectionName = BackupPlanDefaults.selectionName(arns);
        boolean selectionExists = plan.isPresent() && backup.listBackupSelectionsPaginator(
                        r -> r.backupPlanId(plan.get().backupPlanId())).backupSelectionsList().stream()
                .anyMatch(s -> selectionName.equals(s.selectionName()));
        Change selection = new Change(account, region, Kind.CREATE_BACKUP_SELECTION, "backup:CreateBackupSelection",
                selectionName, arns, reasons, selectionExists ? "exists" : "absent",
                selectionExists ? State.IN_PLACE : State.TO_DO, null);
        if (!selectionExists && roleState == State.BLOCKED) {
            selection = selection.withState(State.BLOCKED, "needs the AWS Backup default service role (see global)");
        }
        changes.add(selection);
        return changes;
    }

    private String make(Change change) {
        return switch (change.kind()) {
            case SET_PROPERTY -> applyProperty(change.region(), change.remedy());
            case ENABLE_PITR -> "PointInTimeRecoveryStatus=" + aws.client(DynamoDbClient::builder, change.region())
                    .updateContinuousBackups(r -> r.tableName(change.resource())
                            .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)))
                    .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString();
            case CREATE_ROLE -> {
                if (change.before().equals("absent")) {
                    iam().createRole(r -> r.path(BackupPlanDefaults.ROLE_PATH).roleName(BackupPlanDefaults.ROLE_NAME)
                            .assumeRolePolicyDocument(BackupPlanDefaults.ROLE_TRUST_POLICY)
                            .description("Default role for AWS Backup, created by vigil fix --create-role"));
                }
                iam().attachRolePolicy(r -> r.roleName(BackupPlanDefaults.ROLE_NAME)
                        .policyArn(BackupPlanDefaults.ROLE_POLICY));
                yield "exists with " + BackupPlanDefaults.ROLE_POLICY;
            }
            case CREATE_VAULT -> aws.client(BackupClient::builder, change.region())
                    .createBackupVault(r -> r.backupVaultName(BackupPlanDefaults.VAULT)).backupVaultArn();
            case CREATE_BACKUP_PLAN -> aws.client(BackupClient::builder, change.region())
                    .createBackupPlan(r -> r.backupPlan(p -> p.backupPlanName(settings.backupPlanName())
                            .rules(rule -> rule.ruleName(BackupPlanDefaults.RULE_NAME)
                                    .targetBackupVaultName(BackupPlanDefaults.VAULT)
                                    .scheduleExpression(BackupPlanDefaults.SCHEDULE)
                                    .startWindowMinutes(BackupPlanDefaults.START_WINDOW_MINUTES)
                                    .completionWindowMinutes(BackupPlanDefaults.COMPLETION_WINDOW_MINUTES)
                                    .lifecycle(l -> l.deleteAfterDays(BackupPlanDefaults.DELETE_AFTER_DAYS)))))
                    .backupPlanId();
            case CREATE_BACKUP_SELECTION -> {
                BackupClient backup = aws.client(BackupClient::builder, change.region());
                String planId = findPlan(backup).orElseThrow(() -> new IllegalStateException(
                        "backup plan " + settings.backupPlanName() + " not found")).backupPlanId();
                yield "SelectionId=" + backup.createBackupSelection(r -> r.backupPlanId(planId)
                        .backupSelection(s -> s.selectionName(change.resource())
                                .iamRoleArn(BackupPlanDefaults.roleArn(RegionContext.partitionOf(change.region()), account))
                                .resources(change.targets()))).selectionId();
            }
        };
    }

    private Optional<BackupPlansListMember> findPlan(BackupClient backup) {
        return backup.listBackupPlansPaginator(r -> r.maxResults(100)).backupPlansList().stream()
                .filter(p -> settings.backupPlanName().equals(p.backupPlanName())).findFirst();
    }

    private IamClient iam() {
        return aws.client(IamClient::builder, Region.AWS_GLOBAL.id());
    }

    private static String reason(Check check) {
        return check.rule().id() + " " + check.resourceName() + ": " + check.message();
    }
}
