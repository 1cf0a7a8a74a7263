package dev.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The messages a closed run sends, one per channel, and every attempt to send each. */
public final class Deliveries {

    private final Store store;

    Deliveries(Store store) {
        this.store = store;
    }

    /** A channel a run's digest goes to. */
    public record Target(String channel, String type) {
    }

    /**
     * Creates the run's deliveries, one per target, and marks the run notified, in one transaction. A run
     * already notified (its deliveries exist) gets nothing new.
     *
     * @return the deliveries of the run
     */
    public List<Delivery> createForRun(String runId, List<Target> targets) {
        return store.transaction(c -> {
            boolean notified;
            try (PreparedStatement s = c.prepareStatement("SELECT notified FROM runs WHERE id = ? FOR UPDATE")) {
                s.setString(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalArgumentException("no run " + runId);
                    }
                    notified = r.getBoolean(1);
                }
            }
            if (!notified) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO deliveries (id, run_id, channel, channel_type, "
                        + "created, state, attempts) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
                    for (Target t : targets) {
                        s.setString(1, runId + "/" + t.channel());
                        s.setString(2, runId);
                        s.setString(3, t.channel());
                        s.setString(4, t.type());
                        s.setLong(5, store.now());
                        s.setString(6, Delivery.State.PENDING.name());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                Runs.markNotified(c, runId);
            }
            return list(c, "run_id = ?", runId);
        });
    }

    /** Records one attempt and the delivery's state after it. */
    public void recordAttempt(String deliveryId, String node, Delivery.Outcome outcome, String error) {
        store.transaction(c -> {
            long now = store.now();
            try (PreparedStatement a = c.prepareStatement("INSERT INTO delivery_attempts (delivery_id, at, node, outcome, "
                    + "error) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement d = c.prepareStatement("UPDATE deliveries SET state = ?, attempts = attempts + 1, "
                         + "last_attempt = ?, last_error = ? WHERE id = ?")) {
                a.setString(1, deliveryId);
                a.setLong(2, now);
                a.setString(3, node);
                a.setString(4, outcome.name());
                a.setString(5, Sql.clip(error, 2000));
                a.executeUpdate();
                d.setString(1, switch (outcome) {
                    case SENT -> Delivery.State.SENT.name();
                    case RETRY -> Delivery.State.PENDING.name();
                    case FAILED -> Delivery.State.FAILED.name();
                });
                d.setLong(2, now);
                d.setString(3, Sql.clip(error, 2000));
                d.setString(4, deliveryId);
                d.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Delivery> get(String id) {
        return store.read(c -> list(c, "id = ?", id).stream().findFirst());
    }

    public List<Delivery> forRun(String runId) {
        return store.read(c -> list(c, "run_id = ?", runId));
    }

    /** Deliveries still to send, oldest first. */
    public List<Delivery> pending() {
        return store.read(c -> list(c, "state = ?", Delivery.State.PENDING.name()));
    }

    private static List<Delivery> list(Connection c, String where, String arg) throws SQLException {
        List<Delivery> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, run_id, channel, channel_type, created, state "
                + "FROM deliveries WHERE " + where + " ORDER BY created, id")) {
            s.setString(1, arg);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(1);
                    out.add(new Delivery(id, r.getString(2), r.getString(3), r.getString(4), Sql.instant(r, "created"),
                            Delivery.State.valueOf(r.getString(6)), attempts(c, id)));
                }
            }
        }
        return out;
    }

    private static List<Delivery.Attempt> attempts(Connection c, String deliveryId) throws SQLException {
        List<Delivery.Attempt> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT at, node, outcome, error FROM delivery_attempts "
                + "WHERE delivery_id = ? ORDER BY id")) {
            s.setString(1, deliveryId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Delivery.Attempt(Sql.instant(r, "at"), r.getString(2),
                            Delivery.Outcome.valueOf(r.getString(3)), r.getString(4)));
                }
            }
        }
        return out;
    }
}
