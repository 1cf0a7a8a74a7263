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
 * closes. Thread-safe: the queues' pollers add, the realtime ticker takes.
 */
final class Coalescer {

    /** One received message, by the queue it came from. */
    record MessageRef(QueueConsumer queue, String messageId) {
    }

    /** A re-check being gathered, due at {@code due}; {@code notBefore} delays a try after the region was busy. */
    record Pending(Recheck recheck, List<MessageRef> messages, Instant due, Instant notBefore) {

        Pending {
            messages = List.copyOf(messages);
        }

        private String key() {
            return recheck.accountId() + "/" + recheck.region();
        }

        private Pending merge(Pending later) {
            List<MessageRef> all = new ArrayList<>(messages);
            all.addAll(later.messages);
            return new Pending(recheck.merge(later.recheck), all,
                    due.isBefore(later.due) ? due : later.due, notBefore.isAfter(later.notBefore) ? notBefore : later.notBefore);
        }
    }

    private final Duration window;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, Pending> started = new LinkedHashMap<>();

    Coalescer(Duration window) {
        this.window = window;
    }

    /** One more event's re-check, with its message. */
    synchronized void add(Recheck recheck, MessageRef message, Instant now) {
        Pending one = new Pending(recheck, List.of(message), now.plus(window), now);
        pending.merge(one.key(), one, Pending::merge);
    }

    /** Takes every re-check whose window has passed (and that is not waiting after a busy try). */
    synchronized List<Pending> takeDue(Instant now) {
        List<Pending> due = new ArrayList<>();
        pending.values().removeIf(p -> {
            boolean ready = !p.due().isAfter(now) && !p.notBefore().isAfter(now);
            if (ready) {
                due.add(p);
            }
            return ready;
        });
        return due;
    }

    /** A re-check whose region was busy: tried again from {@code notBefore}, with what arrived meanwhile. */
    synchronized void putBack(Pending p, Instant notBefore) {
        Pending again = new Pending(p.recheck(), p.messages(), p.due(), notBefore);
        pending.merge(again.key(), again, Pending::merge);
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
        List<Pending> all = List.copyOf(pending.values());
        pending.clear();
        return all;
    }
}
