package dev.vigil.store;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.CheckId;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.RemedyCodec;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleMeta;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one definition of new / still failing / resolved: applies what a job produced for its scope to the checks
 * already stored, inside the caller's transaction. Scheduled runs, {@code scan --store} and event re-checks all
 * come through here.
 * <ul>
 *   <li>a new check is inserted with a history row; a FAILURE sets {@code failure-discovery-date};</li>
 *   <li>an existing check gets {@code last-modified-date}; a status change writes a history row;
 *       {@code failure-discovery-date} is kept while it keeps failing and cleared when it passes;</li>
 *   <li>an ERROR leaves an existing check's status as it was and records the error on it (a new one is stored
 *       as ERROR): an ERROR never counts as a new failure and never resolves one;</li>
 *   <li>an existing check of the scope the job did not produce is resolved as gone (marked, with a history
 *       row, never deleted), unless a fault of the job covers what its rule reads: then it stays as it was.</li>
 * </ul>
 */
final class Lifecycle {

    /** What one commit counted, for the run's per-region row. */
    record Counts(int checks, int errors, int newFailures, int resolved, Map<Risk, Integer> stillFailing) {
    }

    /** The stored state of a check that the lifecycle needs. */
    private record Existing(String id, Status status, Risk risk, String resource, String ruleId, Long gone,
                            Long failureDiscovered, boolean suppressed, Long suppressedUntil) {

        boolean suppressedAt(long now) {
            return suppressed && (suppressedUntil == null || suppressedUntil > now);
        }
    }

    private Lifecycle() {
    }

    static Counts apply(Connection c, String runId, Scope scope, List<Check> produced, List<Fault> faults, long now)
            throws SQLException {
        Map<String, Existing> existing = load(c, scope);
        Map<String, Check> byId = new LinkedHashMap<>();
        for (Check check : produced) {
            byId.put(CheckId.of(check), check);
        }
        Map<String, RuleMeta> rules = scope.rules().stream()
                .collect(Collectors.toMap(RuleMeta::id, Function.identity(), (a, b) -> a));
        Set<String> faulted = faultedRules(scope, faults);

        int errors = 0;
        int newFailures = 0;
        int resolved = 0;
        Map<Risk, Integer> stillFailing = new EnumMap<>(Risk.class);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO checks (id, account_id, region, rule_id, "
                + "service, resource, resource_name, status, risk, message, created, last_modified, failure_discovered, "
                + "gone, last_error, last_error_at, last_run, suppressed, remedy) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, FALSE, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE checks SET status = ?, risk = ?, message = ?, "
                     + "resource_name = ?, last_modified = ?, failure_discovered = ?, gone = NULL, last_run = ?, remedy = ? WHERE id = ?");
             PreparedStatement error = c.prepareStatement("UPDATE checks SET last_error = ?, last_error_at = ?, "
                     + "last_modified = ?, last_run = ? WHERE id = ?");
             PreparedStatement gone = c.prepareStatement("UPDATE checks SET gone = ?, failure_discovered = NULL, "
                     + "last_modified = ?, last_run = ? WHERE id = ?");
             PreparedStatement history = c.prepareStatement("INSERT INTO check_history (check_id, run_id, at, "
                     + "change_kind, status, previous_status, risk, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Check> entry : byId.entrySet()) {
                String id = entry.getKey();
                Check check = entry.getValue();
                Existing before = existing.remove(id);
                Status status = check.status();
                if (status == Status.ERROR) {
                    errors++;
                }
                if (before == null) {
                    insert(insert, id, scope, check, runId, now);
                    history(history, id, runId, now, "NEW", status, null, check.rule().risk(), check.message());
                    if (status == Status.FAILURE) {
                        newFailures++;
                    }
                    continue;
                }
                if (status == Status.ERROR) {
                    error.setString(1, Sql.clip(check.message(), 2000));
                    error.setLong(2, now);
                    error.setLong(3, now);
                    error.setString(4, runId);
                    error.setString(5, id);
                    error.addBatch();
                    if (before.status() == Status.FAILURE && before.gone() == null && !before.suppressedAt(now)) {
                        stillFailing.merge(before.risk(), 1, Integer::sum);
                    }
                    continue;
                }
                boolean wasFailing = before.status() == Status.FAILURE && before.gone() == null;
                boolean failing = status == Status.FAILURE;
                Long discovered = failing ? (wasFailing && before.failureDiscovered() != null
                        ? before.failureDiscovered() : Long.valueOf(now)) : null;
                update.setString(1, status.name());
                update.setString(2, check.rule().risk().name());
                update.setString(3, Sql.clip(check.message(), 4000));
                update.setString(4, check.resourceName());
                update.setLong(5, now);
                Sql.setLong(update, 6, discovered);
                update.setString(7, runId);
                update.setString(8, remedy(check));
                update.setString(9, id);
                update.addBatch();
                if (before.gone() != null) {
                    history(history, id, runId, now, "RETURNED", status, before.status(), check.rule().risk(),
                            check.message());
                } else if (before.status() != status) {
                    history(history, id, runId, now, "STATUS", status, before.status(), check.rule().risk(),
                            check.message());
                }
                if (failing && !wasFailing) {
                    newFailures++;
                } else if (failing && !before.suppressedAt(now)) {
                    stillFailing.merge(check.rule().risk(), 1, Integer::sum);
                } else if (wasFailing && status == Status.SUCCESS) {
                    resolved++;
                }
            }
            for (Existing left : existing.values()) {
                if (left.gone() != null) {
                    continue;
                }
                RuleMeta rule = rules.get(left.ruleId());
                if (rule != null && faulted.contains(rule.id())) {
                    // a fault never resolves a failure: what could not be seen stays as it was
                    if (left.status() == Status.FAILURE && !left.suppressedAt(now)) {
                        stillFailing.merge(left.risk(), 1, Integer::sum);
                    }
                    continue;
                }
                gone.setLong(1, now);
                gone.setLong(2, now);
                gone.setString(3, runId);
                gone.setString(4, left.id());
                gone.addBatch();
                history(history, left.id(), runId, now, "GONE", left.status(), left.status(), left.risk(), null);
                if (left.status() == Status.FAILURE) {
                    resolved++;
                }
            }
            insert.executeBatch();
            update.executeBatch();
            error.executeBatch();
            gone.executeBatch();
            history.executeBatch();
        }
        return new Counts(byId.size(), errors, newFailures, resolved, stillFailing);
    }

    /** The rules of the scope whose reads a fault of the job covers (in its region, or account-wide). */
    private static Set<String> faultedRules(Scope scope, List<Fault> faults) {
        return scope.rules().stream()
                .filter(rule -> faults.stream().anyMatch(f -> covers(f, scope)
                        && !Collections.disjoint(f.kinds(), rule.reads())))
                .map(RuleMeta::id).collect(Collectors.toSet());
    }

    private static boolean covers(Fault fault, Scope scope) {
        return fault.origin() instanceof Origin.Live live && live.account().equals(scope.account())
                && (scope.region().equals(live.region()) || "global".equals(live.region()));
    }

    private static Map<String, Existing> load(Connection c, Scope scope) throws SQLException {
        Map<String, Existing> out = new HashMap<>();
        if (scope.rules().isEmpty()) {
            return out;
        }
        String sql = "SELECT id, status, risk, resource, rule_id, gone, failure_discovered, suppressed, suppressed_until "
                + "FROM checks WHERE account_id = ? AND region = ? AND rule_id IN (" + Sql.marks(scope.rules().size()) + ")";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, scope.account());
            s.setString(2, scope.region());
            List<String> ids = new ArrayList<>();
            scope.rules().forEach(r -> ids.add(r.id()));
            for (int i = 0; i < ids.size(); i++) {
                s.setString(3 + i, ids.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Existing e = new Existing(r.getString(1), Status.valueOf(r.getString(2)), Risk.valueOf(r.getString(3)),
                            r.getString(4), r.getString(5), Sql.getLong(r, 6), Sql.getLong(r, 7), r.getBoolean(8),
                            Sql.getLong(r, 9));
                    if (scope.resources().isEmpty() || scope.resources().contains(e.resource())) {
                        out.put(e.id(), e);
                    }
                }
            }
        }
        return out;
    }

    private static void insert(PreparedStatement s, String id, Scope scope, Check check, String runId, long now)
            throws SQLException {
        s.setString(1, id);
        s.setString(2, scope.account());
        s.setString(3, scope.region());
        s.setString(4, check.rule().id());
        s.setString(5, check.rule().service());
        s.setString(6, check.resource());
        s.setString(7, check.resourceName());
        s.setString(8, check.status().name());
        s.setString(9, check.rule().risk().name());
        s.setString(10, Sql.clip(check.message(), 4000));
        s.setLong(11, now);
        s.setLong(12, now);
        Sql.setLong(s, 13, check.status() == Status.FAILURE ? now : null);
        s.setString(14, check.status() == Status.ERROR ? Sql.clip(check.message(), 2000) : null);
        Sql.setLong(s, 15, check.status() == Status.ERROR ? now : null);
        s.setString(16, runId);
        s.setString(17, remedy(check));
        s.addBatch();
    }

    /** The fix of a failing check as text, or null (a passing check, a rule without a remedy, or too long to keep). */
    private static String remedy(Check check) {
        if (check.status() != Status.FAILURE || check.remedy() == null) {
            return null;
        }
        String text = RemedyCodec.format(check.remedy());
        return text.length() <= 4000 ? text : null;
    }

    private static void history(PreparedStatement s, String checkId, String runId, long at, String change,
                                Status status, Status previous, Risk risk, String message) throws SQLException {
        s.setString(1, checkId);
        s.setString(2, runId);
        s.setLong(3, at);
        s.setString(4, change);
        s.setString(5, status.name());
        s.setString(6, previous == null ? null : previous.name());
        s.setString(7, risk.name());
        s.setString(8, Sql.clip(message, 4000));
        s.addBatch();
    }
}
