package dev.vigil.notify;

import java.util.ServiceLoader;

/**
 * Makes channels from their configuration. The service creates every configured channel at start through the
 * factory found on the class path (registered in {@code META-INF/services/dev.vigil.notify.ChannelFactory}), so a
 * bad setting stops the start with one line.
 */
public interface ChannelFactory {

    /**
     * The channel this config describes.
     *
     * @throws IllegalArgumentException a setting is missing or wrong; the message starts with the setting's
     *                                  name (e.g. {@code url: must be https}) and holds no secret
     */
    Channel create(ChannelConfig config);

    /** The factory on the class path; without one, every channel type is refused with a clear message. */
    static ChannelFactory installed() {
        return ServiceLoader.load(ChannelFactory.class).findFirst().orElse(config -> {
            throw new IllegalArgumentException("type: no channel implementation for '" + config.type()
                    + "' is installed in this build");
        });
    }
}
