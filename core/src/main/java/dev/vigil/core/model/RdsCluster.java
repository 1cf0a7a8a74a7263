package dev.vigil.core.model;

import java.util.Map;

/**
 * A DB cluster of the RDS API: Aurora (MySQL, PostgreSQL), Multi-AZ DB clusters, and the DocumentDB and Neptune
 * clusters that share that API.
 *
 * @param engine                as RDS names it: {@code aurora-mysql}, {@code aurora-postgresql}, {@code mysql},
 *                              {@code postgres}, {@code docdb}, {@code neptune}; null when a template does not say
 * @param backtrackWindowSeconds Aurora MySQL backtrack target window; 0 when backtracking is off
 * @param backupRetentionDays   automated backup retention period in days
 */
public record RdsCluster(Origin origin, String id, String name, String arn, String engine,
                         Value<Boolean> deletionProtection, Value<Boolean> copyTagsToSnapshot,
                         Value<Long> backtrackWindowSeconds, Value<Long> backupRetentionDays,
                         Map<String, String> tags) implements Resource {

    public RdsCluster {
        tags = Map.copyOf(tags);
    }

    /** DocumentDB and Neptune clusters share the RDS API but are other services, with rules of their own. */
    public boolean isDocumentDbOrNeptune() {
        return "docdb".equals(engine) || "neptune".equals(engine);
    }

    public boolean isAurora() {
        return engine != null && engine.startsWith("aurora");
    }
}
