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

    /** Flyway placeholders the migrations use for the types that differ. */
    Map<String, String> placeholders() {
        return Map.of("binary", binary);
    }
}
