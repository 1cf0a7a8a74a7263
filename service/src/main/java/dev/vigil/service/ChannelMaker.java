package dev.vigil.service;

import dev.vigil.notify.Channel;
import dev.vigil.notify.ChannelConfig;
import dev.vigil.notify.ChannelFactory;
import dev.vigil.notify.InvalidChannelException;

/**
 * Makes the configured channels. {@link #NOTIFY} is the notify module's {@link ChannelFactory}; tests give their
 * own channels.
 */
@FunctionalInterface
public interface ChannelMaker {

    /**
     * @throws IllegalArgumentException the config cannot work; the message is {@code SETTING: problem}, so the
     *                                  config loader can point at the setting's line
     */
    Channel create(ChannelConfig config);

    /** The notify module's channels (slack, webhook, email, sns); its first problem becomes the message. */
    ChannelMaker NOTIFY = config -> {
        try {
            return ChannelFactory.create(config);
        } catch (InvalidChannelException e) {
            String first = e.problems().isEmpty() ? "invalid" : e.problems().getFirst();
            // "channel 'NAME': SETTING: problem" -> "SETTING: problem"
            throw new IllegalArgumentException(first.replaceFirst("^channel( '[^']*')?: ", ""));
        }
    };
}
