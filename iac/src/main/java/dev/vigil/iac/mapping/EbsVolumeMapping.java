package dev.vigil.iac.mapping;

import dev.vigil.core.model.EbsVolume;
import dev.vigil.core.model.Value;
import java.util.List;

/**
 * EBS volumes: {@code AWS::EC2::Volume} and {@code aws_ebs_volume}. A declared volume gets its ID, by which its
 * snapshots are known, only when it is created: the ID is unknown here even where a plan records one, because no
 * template holds the snapshots taken of it.
 */
final class EbsVolumeMapping {

    static final Field ENCRYPTED = new Field("Encrypted", "encrypted");
    static final Field SNAPSHOT = new Field("SnapshotId", "snapshot_id");
    static final Field TAGS = new Field("Tags", "tags");

    static final KindMapping MAPPING = new KindMapping(EbsVolume.class, List.of("AWS::EC2::Volume"),
            List.of("aws_ebs_volume"), EbsVolumeMapping::map);

    private EbsVolumeMapping() {
    }

    private static List<EbsVolume> map(Declaration d) {
        return List.of(new EbsVolume(d.origin(), d.id(), d.id(),
                Value.unknown("its ID is assigned when " + d.id() + " is created"), d.tags(TAGS)));
    }

    /**
     * Whether a declared volume is encrypted, as its snapshots will be: {@code Encrypted} true, or restored from a
     * snapshot (whose encryption it keeps, and which the template may not declare). Absent or false is false: the
     * template does not ask for encryption, whatever the region's encryption-by-default setting does.
     */
    static Value<Boolean> encrypted(Declaration volume) {
        Value<Boolean> encrypted = volume.bool(ENCRYPTED, false);
        if (encrypted instanceof Value.Known<Boolean> known && !known.value()) {
            Value<String> snapshot = volume.text(SNAPSHOT, null);
            return switch (snapshot) {
                case Value.Known<String> id when id.value().isEmpty() -> encrypted;
                case Value.Known<String> id -> Value.unknown(volume.id() + " is restored from snapshot " + id.value()
                        + ", whose encryption it keeps");
                default -> snapshot.map(ignored -> false);
            };
        }
        return encrypted;
    }
}
