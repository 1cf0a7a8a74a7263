package dev.vigil.service;

import dev.vigil.notify.Channel;
import dev.vigil.notify.ChannelConfig;
import dev.vigil.notify.ChannelFilter;
import dev.vigil.notify.DeliveryException;
import dev.vigil.notify.Digest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Channels for the service's tests: {@code record} keeps every digest it is sent (by channel name);
 * {@code failing} fails its first {@code failures} sends ({@code retryable: false} for a permanent failure), then
 * records like {@code record}. A {@code url} setting is required for both, like a real channel's.
 */
final class TestChannels implements ChannelMaker {

    static final Map<String, List<Digest>> SENT = new ConcurrentHashMap<>();

    static List<Digest> sent(String channel) {
        return SENT.getOrDefault(channel, List.of());
    }

    @Override
    public Channel create(ChannelConfig config) {
        if (!(config.settings().get("url") instanceof String url) || !url.startsWith("https://")) {
            throw new IllegalArgumentException("url: must be an https URL");
        }
        int failures = Integer.parseInt(String.valueOf(config.settings().getOrDefault("failures", "0")));
        boolean retryable = !"false".equals(config.settings().get("retryable"));
        return switch (config.type()) {
            case "record", "failing" -> new Recording(config.name(), config.type(), config.filter(), failures, retryable);
            default -> throw new IllegalArgumentException("type: unknown channel type '" + config.type() + "'");
        };
    }

    private record Recording(String name, String type, ChannelFilter filter, int failures, boolean retryable,
                             AtomicInteger tries) implements Channel {

        Recording(String name, String type, ChannelFilter filter, int failures, boolean retryable) {
            this(name, type, filter, failures, retryable, new AtomicInteger());
        }

        @Override
        public void send(Digest digest) throws DeliveryException {
            if (tries.incrementAndGet() <= failures) {
                throw new DeliveryException("HTTP 503 from the test endpoint", retryable);
            }
            SENT.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(digest);
        }
    }
}
