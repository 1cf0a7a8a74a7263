package dev.vigil.aws.remediate;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.collect.BackupSelectionCollector;
import dev.vigil.aws.collect.Faults;
import dev.vigil.aws.collect.Pages;
import dev.vigil.aws.collect.RegionContext;
import dev.vigil.aws.remediate.Change.Kind;
import dev.vigil.aws.remediate.Change.State;
import dev.vigil.core.check.Check;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.BackupAssignment;
import dev.vigil.core.remedy.BackupPlanDefaults;
import dev.vigil.core.remedy.EnablePointInTimeRecovery;
import dev.vigil.core.remedy.PropertyFix;
import dev.vigil.core.remedy.Remedy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Turns failing checks into changes and makes them. Planning reads only, and only what the checks do not already
 * say; applying makes exactly the changes planned as TO_DO, each recorded in a {@link Journal} before and after.
 * Nothing is ever deleted or replaced: an existing vault, role, plan or selection is reused, and new DB instances
 * and clusters get a new selection beside the existing ones.
 *
 * <p>The steps of one remedy depend on each other (role, then policy; vault, then plan, then selection): a step is
 * not attempted when one it depends on failed, and when a later step is known to be blocked the earlier ones are
 * blocked too, so that a region is not left with a vault and a plan that assign nothing. AWS has no transaction
 * across these calls, so a step made before a later one fails stays made, and says so.
 */
public final class LiveFixer {

    /** IAM is global: its changes are planned under this pseudo-region. */
    static final String GLOBAL = "global";

    private static final Pages<ListBackupVaultsResponse, BackupVaultListMember> VAULTS = new Pages<>(
            "backup:ListBackupVaults", "BackupVaultList", ListBackupVaultsResponse::hasBackupVaultList,
            ListBackupVaultsResponse::backupVaultList, ListBackupVaultsResponse::nextToken);
    private static final Pages<ListAttachedRolePoliciesResponse, AttachedPolicy> ROLE_POLICIES = new Pages<>(
            "iam:ListAttachedRolePolicies", "AttachedPolicies", ListAttachedRolePoliciesResponse::hasAttachedPolicies,
            ListAttachedRolePoliciesResponse::attachedPolicies, ListAttachedRolePoliciesResponse::marker);

    private final AwsConnection aws;
    private final String account;
    private final FixSettings settings;

    public LiveFixer(AwsConnection aws, String account, FixSettings settings) {
        this.aws = aws;
        this.account = account;
        this.settings = settings;
    }

    /**
     * The changes that would fix these checks (FAILURE checks of this account with a remedy). With {@code confirm}
     * (the checks come from a saved scan, which may be stale) each table's state is read again; otherwise the
     * scan that produced the checks has just read it.
     */
    public List<Change> plan(List<Check> failing, boolean confirm) {
        List<Change> perRegion = new ArrayList<>();
        Map<String, List<Check>> backupByRegion = new LinkedHashMap<>();
        for (Check check : failing) {
            if (!(check.origin() instanceof Origin.Live live) || !live.account().equals(account)) {
                continue;
            }
            switch (check.remedy()) {
                case EnablePointInTimeRecovery pitr ->
                        perRegion.add(planPitr(live.region(), pitr.tableName(), check, confirm));
                case BackupAssignment ignored ->
                        backupByRegion.computeIfAbsent(live.region(), r -> new ArrayList<>()).add(check);
                case null -> { }
                default -> perRegion.add(planProperty(live.region(), check));
            }
        }
        List<Change> plan = new ArrayList<>();
        if (!backupByRegion.isEmpty()) {
            List<Change> role = planRole(backupByRegion.keySet().iterator().next());
            plan.addAll(role);
            State roleState = role.stream().map(Change::state).filter(s -> s != State.IN_PLACE).findFirst()
                    .orElse(State.IN_PLACE);
            backupByRegion.forEach((region, checks) -> perRegion.addAll(planBackup(region, checks, roleState)));
        }
        // the global role first, then region by region; within a region, plan order
        perRegion.sort(Comparator.comparing(Change::region));
        plan.addAll(perRegion);
        return plan;
    }

    /**
     * Makes the TO_DO changes in plan order, each recorded in {@code journal} before it is made and after (a change
     * not attempted has an outcome only). A failed change is reported and the others go on, except those that
     * depend on it. When the journal cannot record, its exception ends the run before the next change.
     */
    public List<Applied> apply(List<Change> plan, Journal journal) {
        List<Applied> results = new ArrayList<>();
        Set<String> failed = new HashSet<>();   // "region|kind" of failed steps
        for (Change change : plan) {
            if (change.state() != State.TO_DO) {
                continue;
            }
            Applied result;
            Optional<Kind> blocker = dependencies(change).stream()
                    .filter(k -> failed.contains(scope(change, k) + "|" + k)).findFirst();
            if (blocker.isPresent()) {
                result = Applied.notAttempted(change,
                        "not attempted: " + describe(blocker.get()) + " failed before it");
            } else {
                journal.intent(change);
                try {
                    result = Applied.ok(change, make(change));
                } catch (RuntimeException e) {
                    result = Applied.failed(change, Faults.describe(e) + consequence(change, results));
                }
            }
            if (!result.ok()) {
                failed.add(change.region() + "|" + change.kind());
            }
            results.add(result);
            journal.outcome(result);
        }
        return results;
    }

    /**
     * The steps a change needs made first, in its region or (IAM) globally. The role comes first in the plan and
     * every backup step depends on it, so a role that cannot be set up leaves no vault or plan behind.
     */
    private static List<Kind> dependencies(Change change) {
        return switch (change.kind()) {
            case CREATE_ROLE, ENABLE_PITR, SET_PROPERTY -> List.of();
            case ATTACH_ROLE_POLICY -> List.of(Kind.CREATE_ROLE);
            case CREATE_VAULT -> List.of(Kind.CREATE_ROLE, Kind.ATTACH_ROLE_POLICY);
            case CREATE_BACKUP_PLAN -> List.of(Kind.CREATE_ROLE, Kind.ATTACH_ROLE_POLICY, Kind.CREATE_VAULT);
            case CREATE_BACKUP_SELECTION -> List.of(Kind.CREATE_ROLE, Kind.ATTACH_ROLE_POLICY, Kind.CREATE_VAULT,
                    Kind.CREATE_BACKUP_PLAN);
        };
    }

    private static String scope(Change change, Kind dependency) {
        return dependency == Kind.CREATE_ROLE || dependency == Kind.ATTACH_ROLE_POLICY ? GLOBAL : change.region();
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case CREATE_ROLE -> "creating the AWS Backup default service role";
            case ATTACH_ROLE_POLICY -> "attaching the AWS Backup policy to its role";
            case CREATE_VAULT -> "creating the backup vault";
            case CREATE_BACKUP_PLAN -> "creating the backup plan";
            case CREATE_BACKUP_SELECTION -> "creating the backup selection";
            case ENABLE_PITR -> "turning on point-in-time recovery";
            case SET_PROPERTY -> "setting the property";
        };
    }

    /** What a failure leaves behind that an earlier step of the same remedy made. */
    private static String consequence(Change failed, List<Applied> earlier) {
        boolean roleMade = earlier.stream().anyMatch(a -> a.ok() && a.change().kind() == Kind.CREATE_ROLE);
        return failed.kind() == Kind.ATTACH_ROLE_POLICY && roleMade
                ? "; the role " + failed.resource() + " was created above and now exists without "
                + BackupPlanDefaults.ROLE_POLICY + ": attach it, or delete the role"
                : "";
    }

    private Change planPitr(String region, String table, Check check, boolean confirm) {
        List<String> reasons = List.of(reason(check));
        if (!confirm) {   // the scan just read it: DynamoDB-003 fails only DISABLED
            return new Change(account, region, Kind.ENABLE_PITR, "dynamodb:UpdateContinuousBackups", table,
                    List.of(table), reasons, "PointInTimeRecoveryStatus=DISABLED", State.TO_DO, null);
        }
        Change change = new Change(account, region, Kind.ENABLE_PITR, "dynamodb:UpdateContinuousBackups", table,
                List.of(table), reasons, "unknown", State.TO_DO, null);
        try {
            PointInTimeRecoveryDescription pitr = aws.client(DynamoDbClient::builder, region)
                    .describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription()
                    .pointInTimeRecoveryDescription();
            String before = "PointInTimeRecoveryStatus=" + pitr.pointInTimeRecoveryStatusAsString();
            boolean on = before.endsWith("=ENABLED") || before.endsWith("=ENABLING");
            return new Change(account, region, Kind.ENABLE_PITR, change.action(), table, List.of(table), reasons,
                    before, on ? State.IN_PLACE : State.TO_DO, null);
        } catch (RuntimeException e) {
            return change.withState(State.CANNOT_PLAN,
                    "dynamodb:DescribeContinuousBackups failed: " + Faults.describe(e));
        }
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
        Change change = new Change(account, region, Kind.SET_PROPERTY, action.get().iamAction(), resource,
                List.of(resource), reasons, "unknown", State.TO_DO, null, remedy);
        try {
            PropertyActions.State read = action.get().read(aws, region, remedy);
            return change.withBefore(read.before()).withState(read.blocked() != null ? State.BLOCKED
                    : read.inPlace() ? State.IN_PLACE : State.TO_DO, read.blocked());
        } catch (RuntimeException e) {
            return change.withState(State.CANNOT_PLAN, "reading " + resource + " failed: " + Faults.describe(e));
        }
    }

    private String applyProperty(String region, Remedy remedy) {
        return PropertyActions.forRemedy(remedy).orElseThrow(() -> new IllegalStateException(
                "no live action for " + remedy.getClass().getSimpleName())).apply(aws, region, remedy);
    }

    /**
     * The default service role must exist and carry AWS's backup policy: two steps, each idempotent, each
     * recorded. Without --create-role they are blocked with what to do instead.
     */
    private List<Change> planRole(String anyRegion) {
        String arn = BackupPlanDefaults.roleArn(RegionContext.partitionOf(anyRegion), account);
        List<String> reasons = List.of("Backup-001: AWS Backup assigns resources with this role");
        Change create = new Change(account, GLOBAL, Kind.CREATE_ROLE, "iam:CreateRole", arn, List.of(arn), reasons,
                "absent", State.TO_DO, null);
        Change attach = new Change(account, GLOBAL, Kind.ATTACH_ROLE_POLICY, "iam:AttachRolePolicy", arn,
                List.of(BackupPlanDefaults.ROLE_POLICY), reasons, "without " + BackupPlanDefaults.ROLE_POLICY,
                State.TO_DO, null);
        List<Change> steps;
        try {
            iam().getRole(r -> r.roleName(BackupPlanDefaults.ROLE_NAME));
            boolean attached = ROLE_POLICIES.all(iam().listAttachedRolePoliciesPaginator(
                    r -> r.roleName(BackupPlanDefaults.ROLE_NAME))).stream()
                    .anyMatch(p -> BackupPlanDefaults.ROLE_POLICY.equals(p.policyArn()));
            if (attached) {
                return List.of(create.withState(State.IN_PLACE, null).withBefore("exists"));
            }
            steps = List.of(attach.withBefore("exists without " + BackupPlanDefaults.ROLE_POLICY));
        } catch (NoSuchEntityException missing) {
            steps = List.of(create, attach);
        } catch (RuntimeException e) {
            return List.of(create.withState(State.CANNOT_PLAN, "iam:GetRole failed: " + Faults.describe(e)));
        }
        if (settings.createRole()) {
            return steps;
        }
        String why = "the AWS Backup default service role is " + steps.getFirst().before() + ". Set it up once: in "
                + "the AWS Backup console assign resources with the default role, or run the AWS CLI commands in "
                + "'vigil explain Backup-001', or run again with --create-role";
        return steps.stream().map(c -> c.withState(State.BLOCKED, why)).toList();
    }

    private List<Change> planBackup(String region, List<Check> checks, State roleState) {
        BackupClient backup = aws.client(BackupClient::builder, region);
        List<String> reasons = checks.stream().map(LiveFixer::reason).toList();
        List<String> arns = checks.stream().map(c -> ((BackupAssignment) c.remedy()).resourceArn()).sorted()
                .toList();
        String selectionName = BackupPlanDefaults.selectionName(arns);
        Change vault = new Change(account, region, Kind.CREATE_VAULT, "backup:CreateBackupVault",
                BackupPlanDefaults.VAULT, List.of(BackupPlanDefaults.VAULT), reasons, "absent", State.TO_DO, null);
        Change plan = new Change(account, region, Kind.CREATE_BACKUP_PLAN, "backup:CreateBackupPlan",
                settings.backupPlanName(), List.of(settings.backupPlanName()), reasons, "absent", State.TO_DO, null);
        Change selection = new Change(account, region, Kind.CREATE_BACKUP_SELECTION, "backup:CreateBackupSelection",
                selectionName, arns, reasons, "absent", State.TO_DO, null);
        try {
            if (VAULTS.all(backup.listBackupVaultsPaginator(r -> r.maxResults(100))).stream()
                    .anyMatch(v -> BackupPlanDefaults.VAULT.equals(v.backupVaultName()))) {
                vault = vault.withState(State.IN_PLACE, null).withBefore("exists");
            }
            Optional<BackupPlansListMember> existing = findPlan(backup);
            if (existing.isPresent()) {
                plan = plan.withState(State.IN_PLACE, null)
                        .withBefore("exists (" + existing.get().backupPlanId() + ")");
                if (BackupSelectionCollector.SELECTIONS.all(backup.listBackupSelectionsPaginator(
                                r -> r.backupPlanId(existing.get().backupPlanId()))).stream()
                        .anyMatch(s -> selectionName.equals(s.selectionName()))) {
                    selection = selection.withState(State.IN_PLACE, null).withBefore("exists");
                }
            }
        } catch (RuntimeException e) {
            String why = "reading AWS Backup in " + region + " failed: " + Faults.describe(e);
            return List.of(vault.withState(State.CANNOT_PLAN, why), plan.withState(State.CANNOT_PLAN, why),
                    selection.withState(State.CANNOT_PLAN, why));
        }
        if (selection.state() == State.TO_DO && roleState != State.TO_DO && roleState != State.IN_PLACE) {
            // plan only: a vault and a plan that assign nothing are no fix
            selection = selection.withState(State.BLOCKED, "needs the AWS Backup default service role (see global)");
            String why = "not made while the selection that would use it is blocked (see global)";
            vault = vault.state() == State.TO_DO ? vault.withState(State.BLOCKED, why) : vault;
            plan = plan.state() == State.TO_DO ? plan.withState(State.BLOCKED, why) : plan;
        }
        return List.of(vault, plan, selection);
    }

    private String make(Change change) {
        return switch (change.kind()) {
            case SET_PROPERTY -> applyProperty(change.region(), change.remedy());
            case ENABLE_PITR -> "PointInTimeRecoveryStatus=" + aws.client(DynamoDbClient::builder, change.region())
                    .updateContinuousBackups(r -> r.tableName(change.resource())
                            .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)))
                    .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString();
            case CREATE_ROLE -> iam().createRole(r -> r.path(BackupPlanDefaults.ROLE_PATH)
                    .roleName(BackupPlanDefaults.ROLE_NAME)
                    .assumeRolePolicyDocument(BackupPlanDefaults.ROLE_TRUST_POLICY)
                    .description("Default role for AWS Backup, created by vigil fix --create-role")).role().arn();
            case ATTACH_ROLE_POLICY -> {
                iam().attachRolePolicy(r -> r.roleName(BackupPlanDefaults.ROLE_NAME)
                        .policyArn(BackupPlanDefaults.ROLE_POLICY));
                yield "with " + BackupPlanDefaults.ROLE_POLICY;
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
        return BackupSelectionCollector.PLANS.all(backup.listBackupPlansPaginator(r -> r.maxResults(100))).stream()
                .filter(p -> settings.backupPlanName().equals(p.backupPlanName())).findFirst();
    }

    private IamClient iam() {
        return aws.client(IamClient::builder, Region.AWS_GLOBAL.id());
    }

    private static String reason(Check check) {
        return check.rule().id() + " " + check.resourceName() + ": " + check.message();
    }
}
