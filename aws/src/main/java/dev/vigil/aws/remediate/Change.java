package dev.vigil.aws.remediate;

import dev.vigil.core.remedy.Remedy;
import java.util.List;

/**
 * One change a fix would make, and why. {@code state} says whether it is still to do, already in place,
 * blocked (with what the user can do about it), or cannot be planned because a read it needs failed.
 *
 * @param action   the API call that makes it, e.g. {@code dynamodb:UpdateContinuousBackups}
 * @param resource what it is made to: a table, vault, role, plan or selection name
 * @param targets  what it covers: the table name, or the DB instance ARNs a selection assigns
 * @param reasons  the checks that call for it, e.g. {@code DynamoDB-003 orders: Point-in-time recovery is not enabled}
 * @param before   the state read while planning
 * @param blockedBy why it is BLOCKED or CANNOT_PLAN, else null
 * @param remedy   the remedy a {@link Kind#SET_PROPERTY} change makes (see PropertyActions), else null
 */
public record Change(String account, String region, Kind kind, String action, String resource,
                     List<String> targets, List<String> reasons, String before, State state, String blockedBy,
                     Remedy remedy) {

    public enum Kind {
        CREATE_ROLE, ATTACH_ROLE_POLICY, CREATE_VAULT, CREATE_BACKUP_PLAN, CREATE_BACKUP_SELECTION, ENABLE_PITR,
        SET_PROPERTY
    }

    public enum State { TO_DO, IN_PLACE, BLOCKED, CANNOT_PLAN }

    public Change {
        targets = List.copyOf(targets);
        reasons = List.copyOf(reasons);
    }

    /** A change that is not a {@link Kind#SET_PROPERTY} remedy's. */
    public Change(String account, String region, Kind kind, String action, String resource, List<String> targets,
                  List<String> reasons, String before, State state, String blockedBy) {
        this(account, region, kind, action, resource, targets, reasons, before, state, blockedBy, null);
    }

    Change withState(State newState, String why) {
        return new Change(account, region, kind, action, resource, targets, reasons, before, newState, why, remedy);
    }

    Change withBefore(String newBefore) {
        return new Change(account, region, kind, action, resource, targets, reasons, newBefore, state, blockedBy,
                remedy);
    }
}
