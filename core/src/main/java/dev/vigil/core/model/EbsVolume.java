package dev.vigil.core.model;

import java.util.Map;

/**
 * An EBS volume.
 *
 * @param volumeId the volume ID ({@code vol-…}) by which snapshots name their source; a template volume has none
 *                 until it is created, so there it is unknown, naming the expression that will hold it
 * @param tags     its tags, for rule exceptions
 */
public record EbsVolume(Origin origin, String id, String name, Value<String> volumeId, Map<String, String> tags)
        implements Resource {

    public EbsVolume {
        tags = Map.copyOf(tags);
    }
}
