package dev.vigil.rules.rds;

import static dev.vigil.rules.Fixtures.ACCOUNT;
import static dev.vigil.rules.Fixtures.live;

import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.RdsManualSnapshot;
import dev.vigil.core.model.Value;
import java.util.Map;

/** Hand-built live RDS instances and snapshots for the RDS rule tests. */
final class RdsFixtures {

    private RdsFixtures() {
    }

    static String dbArn(String name) {
        return "arn:aws:rds:us-east-1:" + ACCOUNT + ":db:" + name;
    }

    /** A PostgreSQL DB instance outside any cluster with these settings. */
    static RdsInstance instance(String name, Value<Long> retentionDays, Value<Boolean> copyTags,
                                Value<Boolean> deletionProtection) {
        return new RdsInstance(live("us-east-1"), dbArn(name), name, dbArn(name), "postgres", null, null, Map.of(),
                retentionDays, copyTags, deletionProtection);
    }

    /** A read replica of {@code source}, its settings all off. */
    static RdsInstance replica(String name, String source) {
        return new RdsInstance(live("us-east-1"), dbArn(name), name, dbArn(name), "postgres", null, source, Map.of(),
                Value.known(0L), Value.known(false), Value.known(false));
    }

    /** A member of an Aurora cluster (and one of a Multi-AZ DB cluster), its settings all off. */
    static RdsInstance member(String name, String engine) {
        return new RdsInstance(live("us-east-1"), dbArn(name), name, dbArn(name), engine, "cluster-1", null, Map.of(),
                Value.known(0L), Value.known(false), Value.known(false));
    }

    static String snapshotArn(String name) {
        return "arn:aws:rds:us-east-1:" + ACCOUNT + ":snapshot:" + name;
    }

    static String clusterSnapshotArn(String name) {
        return "arn:aws:rds:us-east-1:" + ACCOUNT + ":cluster-snapshot:" + name;
    }

    /** A manual DB snapshot of a PostgreSQL instance. */
    static RdsManualSnapshot snapshot(String name, Value<Boolean> encrypted, Value<Boolean> publiclyRestorable) {
        return new RdsManualSnapshot(live("us-east-1"), snapshotArn(name), name, false, "postgres", encrypted,
                publiclyRestorable, Map.of());
    }

    /** A manual DB cluster snapshot of an Aurora MySQL cluster. */
    static RdsManualSnapshot clusterSnapshot(String name, Value<Boolean> encrypted, Value<Boolean> publiclyRestorable) {
        return new RdsManualSnapshot(live("us-east-1"), clusterSnapshotArn(name), name, true, "aurora-mysql",
                encrypted, publiclyRestorable, Map.of());
    }
}
