package dev.vigil.store;

import dev.vigil.core.check.Status;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.remedy.RemedyCodec;
import dev.vigil.core.rule.Risk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Reading stored checks, their history, and suppressing them (every change kept in the audit trail). */
public final class Checks {

    private static final String COLUMNS = "id, account_id, region, rule_id, service, resource, resource_name, status, "
            + "risk, message, created, last_modified, failure_discovered, gone, last_error, last_error_at, suppressed, "
            + "suppressed_until, suppression_note, suppressed_by, suppressed_at, remedy";

    private static final long DAY = 86_400_000L;
    /** Whether a check's suppression is in force at the time given as the one parameter. */
    private static final String SUPPRESSED_NOW =
            "(suppressed AND (suppressed_until IS NULL OR suppressed_until > ?))";
    /**
     * How a history row changed the number of failing checks: a new or returning failure adds one, a failure that
     * passes or whose resource is gone takes one away, a status change into or out of FAILURE moves it.
     */
    private static final String FAILING_CHANGE = "CASE change_kind "
            + "WHEN 'NEW' THEN CASE WHEN status = 'FAILURE' THEN 1 ELSE 0 END "
            + "WHEN 'RETURNED' THEN CASE WHEN status = 'FAILURE' THEN 1 ELSE 0 END "
            + "WHEN 'GONE' THEN CASE WHEN previous_status = 'FAILURE' THEN -1 ELSE 0 END "
            + "ELSE CASE WHEN status = 'FAILURE' THEN 1 ELSE 0 END - CASE WHEN previous_status = 'FAILURE' THEN 1 ELSE 0 END "
            + "END";

    private final Store store;

    Checks(Store store) {
        this.store = store;
    }

    /** One history row: what changed, in which run, when. */
    public record Change(Instant at, String runId, String kind, Status status, Status previous, String message) {
    }

    /** One audit-trail row of a suppression. */
    public record AuditEntry(String checkId, Instant at, String actor, String action, String note, Instant until) {
    }

    /** The checks the filter selects, ordered by account, rule, region and resource. */
    public List<StoredCheck> list(CheckFilter filter) {
        List<StoredCheck> out = new ArrayList<>();
        each(filter, out::add);
        return out;
    }

    /** Streams the selected checks to {@code sink} without holding them all. */
    public void each(CheckFilter filter, Consumer<StoredCheck> sink) {
        each(filter.query(), 0, filter.limit(), sink);
    }

    /** Streams the checks the query selects, in its order, skipping {@code offset} and at most {@code limit} (0: all). */
    public void each(CheckQuery query, long offset, int limit, Consumer<StoredCheck> sink) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM checks WHERE " + where(query, args) + " ORDER BY "
                + query.sort().expression + (query.descending() ? " DESC" : "")
                + (query.sort() == CheckQuery.Sort.ID ? "" : ", id" + (query.descending() ? " DESC" : ""))
                + (limit > 0 ? " LIMIT " + limit : "") + (offset > 0 ? " OFFSET " + offset : "");
        // In a transaction, which lets the PostgreSQL driver stream with a fetch size; the pool restores
        // auto-commit when the connection comes back.
        store.transaction(c -> {
            try (PreparedStatement s = prepare(c, sql, args)) {
                s.setFetchSize(1000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        sink.accept(read(r));
                    }
                }
            }
            return null;
        });
    }

    /** One page of a query and how many checks the query selects in all. */
    public record Page(List<StoredCheck> checks, long total) {

        public Page {
            checks = List.copyOf(checks);
        }
    }

    public Page page(CheckQuery query, long offset, int limit) {
        List<StoredCheck> checks = new ArrayList<>();
        each(query, offset, limit, checks::add);
        return new Page(checks, count(query));
    }

    /** How many checks the query selects. */
    public long count(CheckQuery query) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM checks WHERE " + where(query, args);
        return store.read(c -> {
            try (PreparedStatement s = prepare(c, sql, args); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** How many current checks (resource not gone) have this account, rule, status, risk and suppression. */
    public record Count(String accountId, String ruleId, Status status, Risk risk, boolean suppressed, long checks) {
    }

    /** Every current check counted by account, rule, status, risk and whether its suppression is in force now. */
    public List<Count> counts() {
        return store.read(c -> {
            List<Count> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT account_id, rule_id, status, risk, quiet, COUNT(*) FROM "
                    + "(SELECT account_id, rule_id, status, risk, " + SUPPRESSED_NOW + " AS quiet FROM checks "
                    + "WHERE gone IS NULL) t GROUP BY account_id, rule_id, status, risk, quiet")) {
                s.setLong(1, store.now());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Count(r.getString(1), r.getString(2), Status.valueOf(r.getString(3)),
                                Risk.valueOf(r.getString(4)), r.getBoolean(5), r.getLong(6)));
                    }
                }
            }
            return out;
        });
    }

    /** How many checks were failing at the end of a day (UTC). */
    public record DayCount(LocalDate day, long failing) {
    }

    /**
     * Failing checks (suppressed ones included: a suppression has no history) at the end of each of the last
     * {@code days} days, today last. Read back from today's count through the history rows' status changes, so
     * only the history of those days is read.
     */
    public List<DayCount> failingTrend(int days) {
        long now = store.now();
        long today = Math.floorDiv(now, DAY);
        long first = today - days + 1;
        return store.read(c -> {
            long failing;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM checks WHERE status = 'FAILURE' "
                    + "AND gone IS NULL"); ResultSet r = s.executeQuery()) {
                r.next();
                failing = r.getLong(1);
            }
            Map<Long, Long> change = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT day_number, SUM(delta) FROM (SELECT at / " + DAY + " AS day_number, "
                    + FAILING_CHANGE + " AS delta FROM check_history WHERE at >= ?) t GROUP BY day_number")) {
                s.setLong(1, (first + 1) * DAY);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        change.put(r.getLong(1), r.getLong(2));
                    }
                }
            }
            List<DayCount> out = new ArrayList<>();
            for (long day = today; day >= first; day--) {
                out.add(new DayCount(LocalDate.ofEpochDay(day), failing));
                failing -= change.getOrDefault(day, 0L);   // the count at the end of the day before
            }
            return out.reversed();
        });
    }

    public Optional<StoredCheck> get(String id) {
        return store.read(c -> get(c, id));
    }

    /** The check's history, oldest first. */
    public List<Change> history(String id) {
        return store.read(c -> {
            List<Change> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT at, run_id, change_kind, status, previous_status, message "
                    + "FROM check_history WHERE check_id = ? ORDER BY id")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String previous = r.getString(5);
                        out.add(new Change(Sql.instant(r, "at"), r.getString(2), r.getString(3),
                                Status.valueOf(r.getString(4)), previous == null ? null : Status.valueOf(previous),
                                r.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Suppresses a check with a required note and an optional end, recorded with who and when, and kept in the
     * audit trail. Replaces a suppression already on it.
     */
    public StoredCheck suppress(String id, String note, Instant until, String actor) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("a suppression needs a note saying why");
        }
        return change(id, "SUPPRESS", note, until, actor);
    }

    /** Lifts a suppression, with a note, kept in the audit trail. */
    public StoredCheck unsuppress(String id, String note, String actor) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("lifting a suppression needs a note saying why");
        }
        return change(id, "UNSUPPRESS", note, null, actor);
    }

    /** The audit trail of a check's suppressions, oldest first. */
    public List<AuditEntry> audit(String id) {
        return store.read(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT check_id, at, actor, action, note, until_at "
                    + "FROM suppression_audit WHERE check_id = ? ORDER BY id")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new AuditEntry(r.getString(1), Sql.instant(r, "at"), r.getString(3), r.getString(4),
                                r.getString(5), Sql.instant(r, "until_at")));
                    }
                }
            }
            return out;
        });
    }

    private StoredCheck change(String id, String action, String note, Instant until, String actor) {
        long now = store.now();
        if (until != null && !until.isAfter(Instant.ofEpochMilli(now))) {
            throw new IllegalArgumentException("--until " + until + " is already past");
        }
        return store.transaction(c -> {
            if (get(c, id).isEmpty()) {
                throw new IllegalArgumentException("no check " + id + " in the store (see 'vigil checks')");
            }
            boolean suppress = action.equals("SUPPRESS");
            try (PreparedStatement s = c.prepareStatement("UPDATE checks SET suppressed = ?, suppressed_until = ?, "
                    + "suppression_note = ?, suppressed_by = ?, suppressed_at = ? WHERE id = ?");
                 PreparedStatement audit = c.prepareStatement("INSERT INTO suppression_audit (check_id, at, actor, "
                         + "action, note, until_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setBoolean(1, suppress);
                Sql.setLong(s, 2, suppress && until != null ? until.toEpochMilli() : null);
                s.setString(3, suppress ? Sql.clip(note, 2000) : null);
                s.setString(4, suppress ? actor : null);
                Sql.setLong(s, 5, suppress ? now : null);
                s.setString(6, id);
                s.executeUpdate();
                audit.setString(1, id);
                audit.setLong(2, now);
                audit.setString(3, actor);
                audit.setString(4, action);
                audit.setString(5, Sql.clip(note, 2000));
                Sql.setLong(audit, 6, until == null ? null : until.toEpochMilli());
                audit.executeUpdate();
            }
            return get(c, id).orElseThrow();
        });
    }

    /** The WHERE clause of a query, its values appended to {@code args}. */
    private String where(CheckQuery query, List<Object> args) {
        StringBuilder sql = new StringBuilder("1 = 1");
        in(sql, args, "account_id", query.accounts());
        in(sql, args, "rule_id", query.ruleIds());
        in(sql, args, "region", query.regions());
        in(sql, args, "status", names(query.statuses()));
        in(sql, args, "risk", names(query.risks()));
        if (query.suppressed() != null) {
            sql.append(query.suppressed() ? " AND " : " AND NOT ").append(SUPPRESSED_NOW);
            args.add(store.now());
        }
        if (!query.includeGone()) {
            sql.append(" AND gone IS NULL");
        }
        return sql.toString();
    }

    private static void in(StringBuilder sql, List<Object> args, String column, Set<String> values) {
        if (values == null) {
            return;
        }
        if (values.isEmpty()) {
            sql.append(" AND 1 = 0");
            return;
        }
        sql.append(" AND ").append(column).append(" IN (").append(Sql.marks(values.size())).append(')');
        args.addAll(values.stream().sorted().toList());
    }

    private static Set<String> names(Set<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).collect(Collectors.toSet());
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
        return s;
    }

    private static Optional<StoredCheck> get(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM checks WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    /** A stored fix read back; one this version no longer knows is shown as none rather than failing the read. */
    private static Remedy remedy(String text) {
        try {
            return text == null ? null : RemedyCodec.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static StoredCheck read(ResultSet r) throws SQLException {
        StoredCheck.Suppression suppression = r.getBoolean("suppressed")
                ? new StoredCheck.Suppression(r.getString("suppression_note"), Sql.instant(r, "suppressed_until"),
                r.getString("suppressed_by"), Sql.instant(r, "suppressed_at"))
                : null;
        return new StoredCheck(r.getString("id"), r.getString("account_id"), r.getString("region"),
                r.getString("rule_id"), r.getString("service"), r.getString("resource"), r.getString("resource_name"),
                Status.valueOf(r.getString("status")), Risk.valueOf(r.getString("risk")), r.getString("message"),
                Sql.instant(r, "created"), Sql.instant(r, "last_modified"), Sql.instant(r, "failure_discovered"),
                Sql.instant(r, "gone"), r.getString("last_error"), Sql.instant(r, "last_error_at"), suppression,
                remedy(r.getString("remedy")));
    }
}
