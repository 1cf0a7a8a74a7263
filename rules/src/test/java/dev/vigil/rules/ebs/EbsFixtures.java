package dev.vigil.rules.ebs;

import static dev.vigil.rules.Fixtures.ACCOUNT;
import static dev.vigil.rules.Fixtures.live;

import dev.vigil.core.model.EbsSnapshot;
import dev.vigil.core.model.EbsVolume;
import dev.vigil.core.model.Value;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Hand-built live EBS volumes and snapshots, dated against one fixed clock. */
final class EbsFixtures {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private EbsFixtures() {
    }

    static String volumeArn(String id) {
        return "arn:aws:ec2:us-east-1:" + ACCOUNT + ":volume/" + id;
    }

    static String snapshotArn(String id) {
        return "arn:aws:ec2:us-east-1::snapshot/" + id;
    }

    static EbsVolume volume(String id) {
        return new EbsVolume(live("us-east-1"), volumeArn(id), id, Value.known(id), Map.of());
    }

    static Value<Instant> daysAgo(long days) {
        return Value.known(NOW.minus(Duration.ofDays(days)));
    }

    /** A completed, unencrypted, private snapshot of {@code volumeId}, started {@code start}. */
    static EbsSnapshot snapshot(String id, String volumeId, Value<Instant> start) {
        return snapshot(id, Value.known(volumeId), start, Value.known("completed"), Value.known(false),
                Value.known(false));
    }

    static EbsSnapshot snapshot(String id, Value<String> volumeId, Value<Instant> start, Value<String> state,
                                Value<Boolean> encrypted, Value<Boolean> publiclyRestorable) {
        return new EbsSnapshot(live("us-east-1"), snapshotArn(id), id, volumeId, start, state, encrypted,
                publiclyRestorable, Map.of());
    }
}
