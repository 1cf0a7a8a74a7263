package dev.vigil.store;

import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Risk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reading stored checks, their history, and suppressing them (every change kept in the audit trail). */
public final class Checks {

    private static final String COLUMNS = "id, account_id, region, rule_id, service, resource, resource_name, status, "
            + "risk, message, created, last_modified, failure_discovered, gone, last_error, last_error_at, suppressed, "
            + "suppressed_until, suppression_note, suppressed_by, suppressed_at";

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
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM checks WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(sql, args, "account_id", filter.account());
        condition(sql, args, "rule_id", filter.ruleId());
        condition(sql, args, "status", filter.status() == null ? null : filter.status().name());
        condition(sql, args, "risk", filter.risk() == null ? null : filter.risk().name());
        condition(sql, args, "region", filter.region());
        if (!filter.includeGone()) {
            sql.append(" AND gone IS NULL");
        }
        sql.append(" ORDER BY account_id, rule_id, region, resource");
        if (filter.limit() > 0) {
            sql.append(" LIMIT ").append(filter.limit());
        }
        store.read(c -> {
            c.setAutoCommit(false);   // lets the PostgreSQL driver stream with a fetch size
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                s.setFetchSize(1000);
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        sink.accept(read(r));
                    }
                }
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
            return null;
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

    private static void condition(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static Optional<StoredCheck> get(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM checks WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
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
                Sql.instant(r, "gone"), r.getString("last_error"), Sql.instant(r, "last_error_at"), suppression);
    }
}
