package dev.vigil.notify;

/**
 * Where a run's digest goes. One message per run, never one per check. Implementations never log or echo
 * their URLs, tokens or passwords, and their {@code toString()} redacts them.
 */
public interface Channel {

    /** The name it is configured under, e.g. {@code ops-slack}. */
    String name();

    /** slack, webhook, email or sns. */
    String type();

    /** Which items of a digest this channel is told about. */
    ChannelFilter filter();

    /** Sends one digest, already narrowed by {@link #filter()}. */
    void send(Digest digest) throws DeliveryException;
}
