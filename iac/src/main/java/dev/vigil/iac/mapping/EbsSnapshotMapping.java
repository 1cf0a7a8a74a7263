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
        if (depth > References.MAX_CHAIN) {
            return Value.failed("more than " + References.MAX_CHAIN + " snapshot copies chained to " + d.id());
        }
        if (d.type().equals(SNAPSHOT)) {
            return d.referenced(VOLUME, Set.of("aws_ebs_volume")).map(EbsVolumeMapping::encrypted)
                    .orElseGet(() -> References.undeclared(d, VOLUME, "volume"));
        }
        Value<Boolean> own = d.bool(ENCRYPTED, false);
        if (!(own instanceof Value.Known<Boolean> known) || known.value()) {
            return own;
        }
        return d.referenced(SOURCE, Set.of(SNAPSHOT, COPY)).map(source -> encrypted(source, depth + 1))
                .orElseGet(() -> References.undeclared(d, SOURCE, "snapshot"));
    }
}
