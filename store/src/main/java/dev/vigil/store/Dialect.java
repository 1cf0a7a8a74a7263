package dev.vigil.store;

import java.util.Map;

/** The few places where H2 and PostgreSQL differ, kept here and nowhere else. */
public enum Dialect {
    H2("VARBINARY(1000000)"),
    POSTGRESQL("BYTEA");

    private final String binary;

    Dialect(String binary) {
        this.binary = binary;
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL " + jdbcUrl.replaceAll("[?;].*", "")
                + ": Vigil stores into H2 (the default) or PostgreSQL");
    }

    /** The store's size on disk, in bytes: the database (PostgreSQL) or the database file (H2). */
    long diskBytes(java.sql.Connection c, String jdbcUrl) throws java.sql.SQLException {
        if (this == POSTGRESQL) {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT pg_database_size(current_database())")) {
                r.next();
                return r.getLong(1);
            }
        }
        String file = jdbcUrl.substring("jdbc:h2:file:".length()).replaceAll(";.*", "") + ".mv.db";
        try {
            return java.nio.file.Files.size(java.nio.file.Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.sql.SQLException("cannot read the size of " + file, e);
        }
    }

    /** Flyway placeholders the migrations use for the types that differ. */
    Map<String, String> placeholders() {
        return Map.of("binary", binary);
    }
}
