package dev.vigil.notify;

import java.time.Duration;

/**
 * What every channel built from a {@link ChannelConfig} has. {@code toString()} names the channel only, so
 * that no URL, token or password can be printed through it.
 */
abstract class ConfiguredChannel implements Channel {

    /** Timeouts of every channel's network calls: the scanner's (see AwsConnection). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** How many items of each list (new failures, resolved) a message shows when maxItems is not set. */
    static final int DEFAULT_MAX_ITEMS = 10;

    private final String name;
    private final String type;
    private final ChannelFilter filter;
    private final int maxItems;

    ConfiguredChannel(ChannelConfig config, Settings settings) {
        this.name = config.name();
        this.type = config.type();
        this.filter = config.filter();
        this.maxItems = settings.integer("maxItems", DEFAULT_MAX_ITEMS, 1, 50);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final ChannelFilter filter() {
        return filter;
    }

    /** The digest as every format sees it: counts, and the top items of each list. */
    Overview overview(Digest digest) {
        return Overview.of(digest, maxItems);
    }

    int maxItems() {
        return maxItems;
    }

    /** Whether {@code e} or one of its causes is a {@code type}. */
    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public final String toString() {
        return type + " channel '" + name + "'";
    }
}
