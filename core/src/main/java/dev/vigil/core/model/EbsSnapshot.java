package dev.vigil.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * An EBS snapshot owned by the account (live), or declared by a template. What exists only once a snapshot is taken
 * (its source volume's ID, its start time, its state) is unknown in templates, naming why.
 *
 * @param volumeId           the volume it was taken of, as AWS reports it (copies name a placeholder volume)
 * @param startTime          when it was started
 * @param state              {@code pending}, {@code completed}, {@code error}, … as AWS names it
 * @param encrypted          whether its data is encrypted
 * @param publiclyRestorable whether every AWS account may create volumes from it (its createVolumePermission
 *                           lists the group {@code all})
 * @param tags               its tags, for rule exceptions
 */
public record EbsSnapshot(Origin origin, String id, String name, Value<String> volumeId, Value<Instant> startTime,
                          Value<String> state, Value<Boolean> encrypted, Value<Boolean> publiclyRestorable,
                          Map<String, String> tags) implements Resource {

    public EbsSnapshot {
        tags = Map.copyOf(tags);
    }
}
