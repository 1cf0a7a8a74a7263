package dev.vigil.store;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Fault;
import dev.vigil.core.rule.Risk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs and their jobs: created (at most one open run per account), started region by region, each region
 * committed with its checks in one transaction, and closed by whichever job completes the last region.
 */
public final class Runs {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final String COLUMNS = "id, account_id, account_name, trigger_kind, regions, rules, started, "
            + "finished, outcome, api_calls, error";

    private final Store store;

    Runs(Store store) {
        this.store = store;
    }

    /** A run to create: whose, where, which rules, and why. */
    public record NewRun(String accountId, String accountName, Run.Trigger trigger, List<String> regions,
                         List<String> rules) {
    }

    /** The run asked for, or the open run of that account it coalesced with ({@code created} false). */
    public record Created(Run run, boolean created) {
    }

    /**
     * Opens a run with a pending job per region, unless the account already has an open run: then that run
     * is returned instead (an on-demand scan joins the run already going).
     */
    public Created create(NewRun asked) {
        if (asked.regions().isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one region");
        }
        long now = store.now();
        String id = ID_TIME.format(Instant.ofEpochMilli(now)) + "-"
                + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        try {
            store.transaction(c -> {
                try (PreparedStatement open = c.prepareStatement("INSERT INTO open_runs (account_id, run_id) VALUES (?, ?)");
                     PreparedStatement run = c.prepareStatement("INSERT INTO runs (" + COLUMNS + ", notified) "
                             + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, 0, NULL, FALSE)");
                     PreparedStatement region = c.prepareStatement("INSERT INTO run_regions (run_id, region, state, "
                             + "attempts, api_calls, checks, errors, new_failures, resolved, failing_low, failing_medium, "
                             + "failing_high, failing_very_high, failing_extreme) VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)")) {
                    open.setString(1, asked.accountId());
                    open.setString(2, id);
                    open.executeUpdate();
                    run.setString(1, id);
                    run.setString(2, asked.accountId());
                    run.setString(3, asked.accountName());
                    run.setString(4, asked.trigger().name());
                    run.setString(5, String.join(",", asked.regions()));
                    run.setString(6, String.join(",", asked.rules()));
                    run.setLong(7, now);
                    run.setString(8, Run.Outcome.RUNNING.name());
                    run.executeUpdate();
                    for (String r : asked.regions()) {
                        region.setString(1, id);
                        region.setString(2, r);
                        region.setString(3, RunRegion.State.PENDING.name());
                        region.addBatch();
                    }
                    region.executeBatch();
                }
                return null;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException s && Sql.DUPLICATE_KEY.equals(s.getSQLState())) {
                Optional<Run> open = openRun(asked.accountId());
                if (open.isPresent()) {
                    return new Created(open.get(), false);
                }
                return create(asked);   // the open run closed in between
            }
            throw e;
        }
        return new Created(get(id).orElseThrow(), true);
    }

    /** The account's open run, if it has one. */
    public Optional<Run> openRun(String accountId) {
        String runId = store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT run_id FROM open_runs WHERE account_id = ?")) {
                s.setString(1, accountId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
        return runId == null ? Optional.empty() : get(runId);
    }

    /**
     * Marks a job started on {@code node}; false when there is nothing left to do (its region is already
     * committed or failed, or the run is closed), as when a job is run again after its node died.
     */
    public boolean startRegion(String runId, String region, String node) {
        return store.transaction(c -> {
            String state = lockRegion(c, runId, region);
            if (state == null || !open(c, runId) || state.equals(RunRegion.State.DONE.name())
                    || state.equals(RunRegion.State.FAILED.name())) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE run_regions SET state = ?, node = ?, started = ?, "
                    + "attempts = attempts + 1 WHERE run_id = ? AND region = ?")) {
                s.setString(1, RunRegion.State.RUNNING.name());
                s.setString(2, node);
                s.setLong(3, store.now());
                s.setString(4, runId);
                s.setString(5, region);
                s.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Commits one job: its checks through the lifecycle and its counts, in one transaction. A job whose
     * region is already committed (a redo after its node died past the commit) changes nothing.
     *
     * @return whether this call committed the region
     */
    public boolean commitRegion(String runId, Scope scope, List<Check> checks, List<Fault> faults, long apiCalls) {
        return store.transaction(c -> {
            String state = lockRegion(c, runId, scope.region());
            if (state == null) {
                throw new IllegalArgumentException("run " + runId + " has no job for " + scope.region());
            }
            if (state.equals(RunRegion.State.DONE.name()) || !open(c, runId)) {
                return false;
            }
            long now = store.now();
            Lifecycle.Counts counts = Lifecycle.apply(c, runId, scope, checks, faults, now);
            try (PreparedStatement s = c.prepareStatement("UPDATE run_regions SET state = ?, finished = ?, api_calls = ?, "
                    + "checks = ?, errors = ?, new_failures = ?, resolved = ?, failing_low = ?, failing_medium = ?, "
                    + "failing_high = ?, failing_very_high = ?, failing_extreme = ?, error = NULL "
                    + "WHERE run_id = ? AND region = ?")) {
                s.setString(1, RunRegion.State.DONE.name());
                s.setLong(2, now);
                s.setLong(3, apiCalls);
                s.setInt(4, counts.checks());
                s.setInt(5, counts.errors());
                s.setInt(6, counts.newFailures());
                s.setInt(7, counts.resolved());
                int i = 8;
                for (Risk risk : Risk.values()) {
                    s.setInt(i++, counts.stillFailing().getOrDefault(risk, 0));
                }
                s.setString(13, runId);
                s.setString(14, scope.region());
                s.executeUpdate();
            }
            return true;
        });
    }

    /** A job that gave up: its region is recorded failed with the reason; the run closes without it. */
    public void failRegion(String runId, String region, String error) {
        store.transaction(c -> {
            String state = lockRegion(c, runId, region);
            if (state != null && !state.equals(RunRegion.State.DONE.name())) {
                try (PreparedStatement s = c.prepareStatement("UPDATE run_regions SET state = ?, finished = ?, error = ? "
                        + "WHERE run_id = ? AND region = ?")) {
                    s.setString(1, RunRegion.State.FAILED.name());
                    s.setLong(2, store.now());
                    s.setString(3, Sql.clip(error, 2000));
                    s.setString(4, runId);
                    s.setString(5, region);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Closes the run when none of its jobs is left pending or running: succeeded when every region committed
     * without ERROR checks, partial when some did not, failed when none committed. Exactly one caller closes
     * it (the run's row is locked); that caller gets the closed run.
     */
    public Optional<Run> closeIfComplete(String runId) {
        return store.transaction(c -> {
            if (!lockOpenRun(c, runId)) {
                return Optional.<Run>empty();
            }
            List<RunRegion> jobs = regions(c, runId);
            if (jobs.stream().anyMatch(j -> j.state() == RunRegion.State.PENDING || j.state() == RunRegion.State.RUNNING)) {
                return Optional.<Run>empty();
            }
            long done = jobs.stream().filter(j -> j.state() == RunRegion.State.DONE).count();
            boolean clean = jobs.stream().allMatch(j -> j.state() == RunRegion.State.DONE && j.errors() == 0);
            Run.Outcome outcome = clean ? Run.Outcome.SUCCEEDED : done == 0 ? Run.Outcome.FAILED : Run.Outcome.PARTIAL;
            String error = jobs.stream().filter(j -> j.error() != null).map(j -> j.region() + ": " + j.error())
                    .findFirst().orElse(null);
            finish(c, runId, outcome, error, jobs.stream().mapToLong(RunRegion::apiCalls).sum());
            return get(c, runId);
        });
    }

    /** Ends an open run as failed (or abandoned) with its reason; jobs still queued for it then do nothing. */
    public boolean end(String runId, Run.Outcome outcome, String error) {
        return store.transaction(c -> {
            if (!lockOpenRun(c, runId)) {
                return false;
            }
            long calls = regions(c, runId).stream().mapToLong(RunRegion::apiCalls).sum();
            finish(c, runId, outcome, error, calls);
            return true;
        });
    }

    /** Closed runs whose deliveries were never created (their closing node died in between). */
    public List<String> unnotified() {
        return store.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM runs WHERE notified = FALSE AND outcome <> ?")) {
                s.setString(1, Run.Outcome.RUNNING.name());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    public Optional<Run> get(String runId) {
        return store.read(c -> get(c, runId));
    }

    /** The account's most recent run (any outcome). */
    public Optional<Run> last(String accountId) {
        List<Run> runs = list(accountId, 1);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.getFirst());
    }

    /** Every account that has had a run, by ID. */
    public List<String> accounts() {
        return store.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT account_id FROM runs ORDER BY account_id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        });
    }

    /** Runs newest first, of one account or all (null), at most {@code limit}. */
    public List<Run> list(String accountId, int limit) {
        return store.read(c -> {
            List<String> ids = new ArrayList<>();
            String sql = "SELECT id FROM runs" + (accountId == null ? "" : " WHERE account_id = ?")
                    + " ORDER BY started DESC, id DESC LIMIT " + Math.max(1, limit);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (accountId != null) {
                    s.setString(1, accountId);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            List<Run> runs = new ArrayList<>();
            for (String id : ids) {
                get(c, id).ifPresent(runs::add);
            }
            return runs;
        });
    }

    /**
     * What a run changed: new failures and resolved checks from the history rows it wrote, and the checks still
     * failing per risk from the counts its commits stored.
     */
    public Optional<Diff> diff(String runId) {
        return store.read(c -> {
            Optional<Run> run = get(c, runId);
            if (run.isEmpty()) {
                return Optional.<Diff>empty();
            }
            List<Diff.Item> newFailures = new ArrayList<>();
            List<Diff.Item> resolved = new ArrayList<>();
            long now = store.now();
            try (PreparedStatement s = c.prepareStatement("SELECT h.check_id, h.change_kind, h.status, h.previous_status, "
                    + "h.risk, h.message, c.rule_id, c.region, c.resource, c.resource_name, c.suppressed, c.suppressed_until "
                    + "FROM check_history h JOIN checks c ON c.id = h.check_id WHERE h.run_id = ? ORDER BY h.id")) {
                s.setString(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String change = r.getString(2);
                        Status status = Status.valueOf(r.getString(3));
                        String previous = r.getString(4);
                        Long until = Sql.getLong(r, 12);
                        boolean suppressed = r.getBoolean(11) && (until == null || until > now);
                        boolean gone = change.equals("GONE");
                        Diff.Item item = new Diff.Item(r.getString(1), r.getString(7), Risk.valueOf(r.getString(5)),
                                r.getString(8), r.getString(9), r.getString(10), r.getString(6),
                                gone ? Status.SUCCESS : status, gone, suppressed);
                        if (!gone && status == Status.FAILURE) {
                            newFailures.add(item);
                        } else if (Status.FAILURE.name().equals(previous) && (gone || status == Status.SUCCESS)) {
                            resolved.add(item);
                        }
                    }
                }
            }
            Map<Risk, Integer> still = new EnumMap<>(Risk.class);
            run.get().jobs().forEach(j -> j.stillFailing().forEach((risk, n) -> still.merge(risk, n, Integer::sum)));
            still.values().removeIf(n -> n == 0);
            return Optional.of(new Diff(run.get(), newFailures, resolved, still));
        });
    }

    /** Marks that a run's deliveries exist; in the transaction that creates them. */
    static void markNotified(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE runs SET notified = TRUE WHERE id = ?")) {
            s.setString(1, runId);
            s.executeUpdate();
        }
    }

    private void finish(Connection c, String runId, Run.Outcome outcome, String error, long apiCalls)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE runs SET outcome = ?, finished = ?, error = ?, "
                + "api_calls = ? WHERE id = ?");
             PreparedStatement open = c.prepareStatement("DELETE FROM open_runs WHERE run_id = ?")) {
            s.setString(1, outcome.name());
            s.setLong(2, store.now());
            s.setString(3, Sql.clip(error, 2000));
            s.setLong(4, apiCalls);
            s.setString(5, runId);
            s.executeUpdate();
            open.setString(1, runId);
            open.executeUpdate();
        }
    }

    private static String lockRegion(Connection c, String runId, String region) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT state FROM run_regions WHERE run_id = ? AND region = ? "
                + "FOR UPDATE")) {
            s.setString(1, runId);
            s.setString(2, region);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static boolean lockOpenRun(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT outcome FROM runs WHERE id = ? FOR UPDATE")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1).equals(Run.Outcome.RUNNING.name());
            }
        }
    }

    private static boolean open(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT outcome FROM runs WHERE id = ?")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1).equals(Run.Outcome.RUNNING.name());
            }
        }
    }

    private static Optional<Run> get(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM runs WHERE id = ?")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Run(r.getString("id"), r.getString("account_id"), r.getString("account_name"),
                        Run.Trigger.valueOf(r.getString("trigger_kind")), split(r.getString("regions")),
                        split(r.getString("rules")), Sql.instant(r, "started"), Sql.instant(r, "finished"),
                        Run.Outcome.valueOf(r.getString("outcome")), r.getLong("api_calls"), r.getString("error"),
                        regions(c, runId)));
            }
        }
    }

    private static List<RunRegion> regions(Connection c, String runId) throws SQLException {
        List<RunRegion> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM run_regions WHERE run_id = ? ORDER BY region")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<Risk, Integer> failing = new LinkedHashMap<>();
                    for (Risk risk : Risk.values()) {
                        int n = r.getInt("failing_" + risk.name().toLowerCase(java.util.Locale.ROOT));
                        if (n > 0) {
                            failing.put(risk, n);
                        }
                    }
                    out.add(new RunRegion(r.getString("region"), RunRegion.State.valueOf(r.getString("state")),
                            r.getString("node"), Sql.instant(r, "started"), Sql.instant(r, "finished"),
                            r.getInt("attempts"), r.getLong("api_calls"), r.getInt("checks"), r.getInt("errors"),
                            r.getInt("new_failures"), r.getInt("resolved"), failing, r.getString("error")));
                }
            }
        }
        return out;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
