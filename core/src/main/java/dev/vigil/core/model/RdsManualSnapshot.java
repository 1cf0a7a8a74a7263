package dev.vigil.core.model;

import java.util.Map;

/**
 * A manual DB snapshot or DB cluster snapshot the account owns (live), or one a Terraform configuration declares.
 * Manual snapshots are the ones an account can share: automated snapshots cannot be shared, and AWS Backup's are
 * {@link RdsSnapshot}s, read for Backup-001.
 *
 * @param cluster            whether it is a DB cluster snapshot (Aurora and Multi-AZ DB clusters, and the DocumentDB
 *                           and Neptune clusters the same API lists) rather than a DB snapshot of an instance
 * @param engine             the engine as RDS names it ({@code postgres}, {@code aurora-mysql}, …); null when a
 *                           template does not say
 * @param encrypted          whether its data is encrypted
 * @param publiclyRestorable whether every AWS account may copy or restore it (its {@code restore} attribute lists
 *                           {@code all})
 * @param tags               its tags, for rule exceptions
 */
public record RdsManualSnapshot(Origin origin, String id, String name, boolean cluster, String engine,
                                Value<Boolean> encrypted, Value<Boolean> publiclyRestorable, Map<String, String> tags)
        implements Resource {

    public RdsManualSnapshot {
        tags = Map.copyOf(tags);
    }
}
