package dev.vigil.service;

/** The config file is wrong: one line naming the file, the line and the key, and what is expected. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
