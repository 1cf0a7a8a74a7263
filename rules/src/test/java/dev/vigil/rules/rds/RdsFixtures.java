package dev.vigil.rules.rds;

import static dev.vigil.rules.Fixtures.ACCOUNT;
import static dev.vigil.rules.Fixtures.live;

import dev.vigil.core.model.RdsManualSnapshot;
import dev.vigil.core.model.Value;
import java.util.Map;

/** Hand-built live RDS snapshots for the RDS rule tests. */
final class RdsFixtures {

    private RdsFixtures() {
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
