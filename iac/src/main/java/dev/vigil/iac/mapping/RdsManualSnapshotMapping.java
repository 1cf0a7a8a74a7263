package dev.vigil.iac.mapping;

import dev.vigil.core.model.RdsManualSnapshot;
import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Manual DB snapshots that Terraform declares: {@code aws_db_snapshot} (of a DB instance),
 * {@code aws_db_snapshot_copy} and {@code aws_db_cluster_snapshot}. CloudFormation has no DB snapshot type. Public when
 * {@code shared_accounts} lists {@code all}, as the provider documents. Encryption is joined across resources: a
 * snapshot is encrypted when the instance or cluster it is taken of is; a copy when it names a KMS key or its source
 * snapshot is encrypted.
 */
final class RdsManualSnapshotMapping {

    private static final String SNAPSHOT = "aws_db_snapshot";
    private static final String COPY = "aws_db_snapshot_copy";
    private static final String CLUSTER_SNAPSHOT = "aws_db_cluster_snapshot";
    private static final String INSTANCE = "aws_db_instance";
    private static final String CLUSTER = "aws_rds_cluster";
    /** Terraform only: CloudFormation declares no DB snapshots. */
    static final Field SNAPSHOT_ID = new Field("", "db_snapshot_identifier");
    static final Field COPY_ID = new Field("", "target_db_snapshot_identifier");
    static final Field CLUSTER_SNAPSHOT_ID = new Field("", "db_cluster_snapshot_identifier");
    static final Field OF_INSTANCE = new Field("", "db_instance_identifier");
    static final Field OF_CLUSTER = new Field("", "db_cluster_identifier");
    static final Field SOURCE = new Field("", "source_db_snapshot_identifier");
    static final Field KMS_KEY = new Field("", "kms_key_id");
    static final Field SHARED_WITH = new Field("", "shared_accounts");
    static final Field TAGS = new Field("", "tags");
    /** The arguments of the instance or cluster a snapshot is taken of that decide its encryption. */
    static final Field STORAGE_ENCRYPTED = new Field("", "storage_encrypted");
    static final Field RESTORED_FROM = new Field("", "snapshot_identifier");
    static final Field REPLICA_OF = new Field("", "replicate_source_db");
    static final Field ENGINE = new Field("", "engine");
    static final Field ENGINE_MODE = new Field("", "engine_mode");

    static final KindMapping MAPPING = new KindMapping(RdsManualSnapshot.class, List.of(),
            List.of(CLUSTER_SNAPSHOT, SNAPSHOT, COPY), RdsManualSnapshotMapping::map);

    private RdsManualSnapshotMapping() {
    }

    private static List<RdsManualSnapshot> map(Declaration d) {
        boolean cluster = d.type().equals(CLUSTER_SNAPSHOT);
        String identifier = d.decided(switch (d.type()) {
            case CLUSTER_SNAPSHOT -> CLUSTER_SNAPSHOT_ID;
            case COPY -> COPY_ID;
            default -> SNAPSHOT_ID;
        });
        String name = identifier == null || identifier.isBlank() ? d.id() : identifier.toLowerCase(Locale.ROOT);
        Value<Boolean> shared = d.strings(SHARED_WITH).map(accounts -> accounts.contains("all"));
        return List.of(new RdsManualSnapshot(d.origin(), d.id(), name, cluster, engine(d, 0), encrypted(d, 0), shared,
                d.tags(TAGS)));
    }

    private static Value<Boolean> encrypted(Declaration d, int depth) {
        if (depth > References.MAX_CHAIN) {
            return Value.failed("more than " + References.MAX_CHAIN + " snapshot copies chained to " + d.id());
        }
        return switch (d.type()) {
            case CLUSTER_SNAPSHOT -> d.referenced(OF_CLUSTER, Set.of(CLUSTER))
                    .map(RdsManualSnapshotMapping::clusterEncrypted)
                    .orElseGet(() -> References.undeclared(d, OF_CLUSTER, "DB cluster"));
            case SNAPSHOT -> d.referenced(OF_INSTANCE, Set.of(INSTANCE))
                    .map(RdsManualSnapshotMapping::instanceEncrypted)
                    .orElseGet(() -> References.undeclared(d, OF_INSTANCE, "DB instance"));
            default -> switch (d.text(KMS_KEY, null)) {
                case Value.Known<String> key when key.value().isEmpty() -> d.referenced(SOURCE, Set.of(SNAPSHOT, COPY))
                        .map(source -> encrypted(source, depth + 1))
                        .orElseGet(() -> References.undeclared(d, SOURCE, "DB snapshot"));
                case Value.Known<String> key -> Value.known(true);   // a copy made with a key is encrypted with it
                case Value.Unknown<String> u -> Value.unknown(u.expression());
                case Value.Failed<String> f -> Value.failed(f.cause());
            };
        };
    }

    /**
     * An {@code aws_db_instance} is encrypted when {@code storage_encrypted} is true; absent or false is false (the
     * provider's default), unless it is restored from a snapshot or replicates another instance, whose encryption it
     * keeps.
     */
    private static Value<Boolean> instanceEncrypted(Declaration instance) {
        Value<Boolean> encrypted = instance.bool(STORAGE_ENCRYPTED, false);
        if (!(encrypted instanceof Value.Known<Boolean> known) || known.value()) {
            return encrypted;
        }
        return inherited(instance, RESTORED_FROM, "is restored from snapshot")
                .or(() -> inherited(instance, REPLICA_OF, "replicates"))
                .orElse(encrypted);
    }

    /**
     * An {@code aws_rds_cluster} is encrypted when {@code storage_encrypted} is true, or when it is left out in
     * {@code engine_mode = "serverless"} (the provider's default differs by mode); restored from a snapshot without
     * either, it keeps that snapshot's encryption.
     */
    private static Value<Boolean> clusterEncrypted(Declaration cluster) {
        Value<Boolean> encrypted = cluster.bool(STORAGE_ENCRYPTED, false);
        if (!(encrypted instanceof Value.Known<Boolean> known) || known.value()) {
            return encrypted;
        }
        if (cluster.text(STORAGE_ENCRYPTED, null) instanceof Value.Known<String> set && set.value().isEmpty()) {
            Value<String> mode = cluster.text(ENGINE_MODE, "provisioned");
            if (!(mode instanceof Value.Known<String> knownMode)) {
                return mode.map(m -> false);
            }
            if (knownMode.value().equals("serverless")) {
                return Value.known(true);
            }
        }
        return inherited(cluster, RESTORED_FROM, "is restored from snapshot").orElse(encrypted);
    }

    /** Unknown when {@code field} is set: the resource then keeps the encryption of what it names. */
    private static java.util.Optional<Value<Boolean>> inherited(Declaration d, Field field, String how) {
        return switch (d.text(field, null)) {
            case Value.Known<String> v when v.value().isEmpty() -> java.util.Optional.empty();
            case Value.Known<String> v -> java.util.Optional.of(Value.unknown(d.id() + " " + how + " " + v.value()
                    + ", whose encryption it keeps"));
            case Value.Unknown<String> u -> java.util.Optional.of(Value.unknown(u.expression()));
            case Value.Failed<String> f -> java.util.Optional.of(Value.failed(f.cause()));
        };
    }

    /** The engine of the instance or cluster a snapshot is taken of, where the configuration decides it. */
    private static String engine(Declaration d, int depth) {
        if (depth > References.MAX_CHAIN) {
            return null;
        }
        return switch (d.type()) {
            case CLUSTER_SNAPSHOT -> d.referenced(OF_CLUSTER, Set.of(CLUSTER)).map(c -> lower(c.decided(ENGINE)))
                    .orElse(null);
            case SNAPSHOT -> d.referenced(OF_INSTANCE, Set.of(INSTANCE)).map(i -> lower(i.decided(ENGINE)))
                    .orElse(null);
            default -> d.referenced(SOURCE, Set.of(SNAPSHOT, COPY)).map(s -> engine(s, depth + 1)).orElse(null);
        };
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
