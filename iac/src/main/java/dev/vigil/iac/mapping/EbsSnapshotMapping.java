package dev.vigil.iac.mapping;

import dev.vigil.core.model.EbsSnapshot;
import dev.vigil.core.model.Value;
import java.util.List;
import java.util.Set;

/**
 * EBS snapshots that Terraform declares: {@code aws_ebs_snapshot} (of a volume) and {@code aws_ebs_snapshot_copy}.
 * CloudFormation has no snapshot type. What exists only once a snapshot is taken (its volume's ID, start time,
 * state) is unknown. A snapshot is created private, and no resource of the AWS provider shares one with everybody.
 * Encryption is joined across resources: a snapshot is encrypted when its volume is ({@link
 * EbsVolumeMapping#encrypted}); a copy when it sets {@code encrypted = true} or its source snapshot is encrypted.
 */
final class EbsSnapshotMapping {

    private static final String SNAPSHOT = "aws_ebs_snapshot";
    private static final String COPY = "aws_ebs_snapshot_copy";
    /** Terraform only: CloudFormation declares no snapshots. */
    static final Field VOLUME = new Field("", "volume_id");
    static final Field SOURCE = new Field("", "source_snapshot_id");
    static final Field ENCRYPTED = new Field("", "encrypted");
    static final Field TAGS = new Field("", "tags");
    /** Copies of copies deeper than this are not followed (Terraform forbids cycles; a broken input may not). */
    private static final int MAX_CHAIN = 32;

    static final KindMapping MAPPING = new KindMapping(EbsSnapshot.class, List.of(), List.of(SNAPSHOT, COPY),
            EbsSnapshotMapping::map);

    private EbsSnapshotMapping() {
    }

    private static List<EbsSnapshot> map(Declaration d) {
        String taken = "taken when " + d.id() + " is created";
        return List.of(new EbsSnapshot(d.origin(), d.id(), d.id(), Value.unknown(taken), Value.unknown(taken),
                Value.unknown(taken), encrypted(d, 0), Value.known(false), d.tags(TAGS)));
    }

    private static Value<Boolean> encrypted(Declaration d, int depth) {
        if (depth > MAX_CHAIN) {
            return Value.failed("more than " + MAX_CHAIN + " snapshot copies chained to " + d.id());
        }
        if (d.type().equals(SNAPSHOT)) {
            return d.referenced(VOLUME, Set.of("aws_ebs_volume")).map(EbsVolumeMapping::encrypted)
                    .orElseGet(() -> outside(d, VOLUME, "volume"));
        }
        Value<Boolean> own = d.bool(ENCRYPTED, false);
        if (!(own instanceof Value.Known<Boolean> known) || known.value()) {
            return own;
        }
        return d.referenced(SOURCE, Set.of(SNAPSHOT, COPY)).map(source -> encrypted(source, depth + 1))
                .orElseGet(() -> outside(d, SOURCE, "snapshot"));
    }

    /** The encryption of a volume or snapshot the configuration does not declare cannot be known from it. */
    private static Value<Boolean> outside(Declaration d, Field field, String what) {
        return switch (d.text(field, null)) {
            case Value.Known<String> id when id.value().isEmpty() ->
                    Value.failed(field.terraform() + " is not set; Terraform requires it");
            case Value.Known<String> id -> Value.unknown(field.terraform() + " = \"" + id.value() + "\", a " + what
                    + " this configuration does not declare");
            case Value.Unknown<String> u -> Value.unknown(u.expression());
            case Value.Failed<String> f -> Value.failed(f.cause());
        };
    }
}
