package dev.vigil.realtime;

import dev.vigil.service.Recheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the events of one account and region for {@code window} from the first into one re-check (duplicates
 * and several resources alike), and keeps, for each re-check started, the messages it covers until its run
 * closes. Each event costs time in proportion to itself, not to what is gathered already (a burst brings
 * thousands). Thread-safe: the queues' pollers add, the realtime ticker takes.
 */
final class Coalescer {

    /** One received message, by the queue it came from. */
    record MessageRef(QueueConsumer queue, String messageId) {
    }

    /** A re-check ready to start, the messages it covers, and when its window closed. */
    record Pending(Recheck recheck, List<MessageRef> messages, Instant due) {

        Pending {
            messages = List.copyOf(messages);
        }
    }

    /** A re-check being gathered; {@code notBefore} delays a try after the region was busy. */
    private static final class Gathering {

        private final Recheck.Gathering recheck;
        private final List<MessageRef> messages = new ArrayList<>();
        private Instant due;
        private Instant notBefore;

        private Gathering(Recheck first, Instant due, Instant notBefore) {
            this.recheck = new Recheck.Gathering(first);
            this.due = due;
            this.notBefore = notBefore;
        }
    }

    /** How many windows a re-check may gather for while a backlog is received. */
    static final int MAX_GATHER = 12;

    private final Duration window;
    private final Map<String, Gathering> pending = new LinkedHashMap<>();
    private final Map<String, Pending> started = new LinkedHashMap<>();

    Coalescer(Duration window) {
        this.window = window;
    }

    private static String key(Recheck r) {
        return r.accountId() + "/" + r.region();
    }

    /** One more event's re-check, with its message. */
    synchronized void add(Recheck recheck, MessageRef message, Instant now) {
        Gathering g = pending.get(key(recheck));
        if (g == null) {
            g = new Gathering(recheck, now.plus(window), now);
            pending.put(key(recheck), g);
        } else {
            g.recheck.add(recheck);
        }
        g.messages.add(message);
    }

    /**
     * Takes every re-check whose window has passed (and that is not waiting after a busy try). While a backlog is
     * being received ({@code draining}) a re-check goes on gathering, up to {@link #MAX_GATHER} windows from its
     * first event: events that were waiting in the queue are re-checked together, each resource read once, rather
     * than a window's worth at a time with every resource read again in each.
     */
    synchronized List<Pending> takeDue(Instant now, boolean draining) {
        List<Pending> due = new ArrayList<>();
        pending.values().removeIf(g -> {
            boolean gathered = !g.due.isAfter(now)
                    && (!draining || !g.due.plus(window.multipliedBy(MAX_GATHER - 1)).isAfter(now));
            boolean ready = gathered && !g.notBefore.isAfter(now);
            if (ready) {
                due.add(new Pending(g.recheck.recheck(), g.messages, g.due));
            }
            return ready;
        });
        return due;
    }

    /** A re-check whose region was busy: tried again from {@code notBefore}, with what arrived meanwhile. */
    synchronized void putBack(Pending p, Instant notBefore) {
        Gathering g = pending.get(key(p.recheck()));
        if (g == null) {
            g = new Gathering(p.recheck(), p.due(), notBefore);
            pending.put(key(p.recheck()), g);
        } else {
            g.recheck.add(p.recheck());
            g.due = p.due().isBefore(g.due) ? p.due() : g.due;
            g.notBefore = notBefore.isAfter(g.notBefore) ? notBefore : g.notBefore;
        }
        g.messages.addAll(p.messages());
    }

    /** The re-check runs as {@code runId}: its messages wait for that run. */
    synchronized void started(String runId, Pending p) {
        started.put(runId, p);
    }

    /** The runs started and not yet closed, with what they cover. */
    synchronized Map<String, Pending> inFlight() {
        return Map.copyOf(started);
    }

    synchronized void finished(String runId) {
        started.remove(runId);
    }

    /** Every re-check not yet started (for a node that stops: their messages are given back). */
    synchronized List<Pending> drain() {
        List<Pending> all = takeDue(Instant.MAX, false);
        pending.clear();
        return all;
    }
}
