package dev.vigil.store;

import java.time.Instant;
import java.util.List;

/**
 * One run's message to one channel, and every attempt to send it.
 *
 * @param id the run ID and the channel name, {@code RUN/CHANNEL}
 */
public record Delivery(String id, String runId, String channel, String channelType, Instant created, State state,
                       List<Attempt> attempts) {

    public Delivery {
        attempts = List.copyOf(attempts);
    }

    public enum State { PENDING, SENT, FAILED }

    /** One try: when, on which node, how it went, and the one-line error when it failed. */
    public record Attempt(Instant at, String node, Outcome outcome, String error) {
    }

    public enum Outcome { SENT, RETRY, FAILED }
}
