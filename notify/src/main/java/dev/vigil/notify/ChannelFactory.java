package dev.vigil.notify;

import java.util.List;

/** Makes channels from their configuration, refusing a configuration that cannot work. */
public final class ChannelFactory {

    /** The channel types, as written in the config file. */
    public static final List<String> TYPES = List.of("slack", "webhook", "email", "sns");

    private ChannelFactory() {
    }

    /**
     * The channel a configuration describes.
     *
     * @throws InvalidChannelException listing every problem, one line each, naming the channel and the setting;
     *                                 no line contains a URL, secret or password
     */
    public static Channel create(ChannelConfig config) throws InvalidChannelException {
        String name = config.name() == null ? "" : config.name().strip();
        if (name.isEmpty()) {
            throw new InvalidChannelException(List.of("channel: name: missing"));
        }
        if (config.type() == null || !TYPES.contains(config.type())) {
            throw new InvalidChannelException(List.of("channel '" + Text.line(name) + "': type: "
                    + (config.type() == null ? "missing" : "'" + Text.clip(Text.line(config.type()), 40) + "' is unknown")
                    + " (one of " + String.join(", ", TYPES) + ")"));
        }
        Settings settings = new Settings(config);
        Channel channel = switch (config.type()) {
            case "slack" -> new SlackChannel(config, settings);
            case "webhook" -> new WebhookChannel(config, settings);
            case "email" -> new EmailChannel(config, settings);
            default -> new SnsChannel(config, settings);
        };
        settings.done();
        return channel;
    }
}
