package dev.vigil.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The store: a connection pool on H2 or PostgreSQL with the schema migrated at open. Every write that belongs
 * together happens in one transaction ({@link #transaction}); the scheduler shares the same pool.
 */
public final class Store implements AutoCloseable {

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;
    private final StoreLocation location;
    private final Clock clock;
    private final Runs runs;
    private final Checks checks;
    private final Deliveries deliveries;
    private final ApiKeys apiKeys;

    private Store(HikariDataSource pool, StoreLocation location, Clock clock) {
        this.pool = pool;
        this.location = location;
        this.clock = clock;
        this.runs = new Runs(this);
        this.checks = new Checks(this);
        this.deliveries = new Deliveries(this);
        this.apiKeys = new ApiKeys(this);
    }

    public static Store open(StoreLocation location) {
        return open(location, Clock.systemUTC());
    }

    /** Connects, migrates the schema to the current version, and fails in one line when the database is unreachable. */
    public static Store open(StoreLocation location, Clock clock) {
        Dialect dialect = location.dialect();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        if (location.user() != null) {
            config.setUsername(location.user());
        }
        if (location.password() != null) {
            config.setPassword(location.password());
        }
        config.setPoolName("vigil-store");
        config.setMaximumPoolSize(dialect == Dialect.H2 ? 8 : 16);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreException("cannot reach the database at " + location.describe() + ": " + cause(e)
                    + " (check --database-url and that the server is running)", true, e);
        }
        try {
            Flyway.configure().dataSource(pool).placeholders(dialect.placeholders())
                    .locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot prepare the store at " + location.describe() + ": " + cause(e), false, e);
        }
        return new Store(pool, location, clock);
    }

    public Runs runs() {
        return runs;
    }

    public Checks checks() {
        return checks;
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /** How many connections the pool holds at most: how much work the store takes at once. */
    public int connections() {
        return pool.getMaximumPoolSize();
    }

    /** The pool, for db-scheduler, which keeps its tasks in this database. */
    public DataSource dataSource() {
        return pool;
    }

    public StoreLocation location() {
        return location;
    }

    public Clock clock() {
        return clock;
    }

    long now() {
        return clock.millis();
    }

    /** The store's size on disk in bytes, for the benchmark. */
    public long diskBytes() {
        return read(c -> location.dialect().diskBytes(c, location.jdbcUrl()));
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                c.setAutoCommit(false);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                rollback(c);
                throw failure(e, lost(c));
            } catch (RuntimeException e) {
                rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e, false);
        }
    }

    /** Runs {@code work} on one connection without a transaction (reads). */
    <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                return work.run(c);
            } catch (SQLException e) {
                throw failure(e, lost(c));
            }
        } catch (SQLException e) {
            throw failure(e, false);
        }
    }

    /**
     * Whether the pool gave up on the connection: it closes one whose error says the database is gone, and
     * what is then asked of it fails with a message that names no SQL state.
     */
    private static boolean lost(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the database discards the transaction
        }
    }

    private StoreException failure(SQLException e, boolean connectionLost) {
        boolean unavailable = connectionLost || unavailable(e);
        if (unavailable) {
            // Every idle connection died with this one (a restarted database, a lost network): the pool
            // opens new ones rather than handing out the dead ones to the next callers.
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        return new StoreException((unavailable ? "lost the database at " + location.describe() + ": "
                : "the store refused a statement: ") + cause(e), unavailable, e);
    }

    private static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, on one line. */
    private static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getCause().getMessage() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    @Override
    public void close() {
        pool.close();
    }
}
