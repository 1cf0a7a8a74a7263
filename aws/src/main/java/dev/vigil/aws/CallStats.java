package dev.vigil.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls and attempts per {@code service:Operation}, and calls per rule group (the service of the rules a collector
 * works for, e.g. {@code DynamoDB}), for --stats and for tests that count API calls.
 */
public final class CallStats {

    /** The group of calls made outside any collector: the account, its regions, assumed roles, fixes. */
    public static final String ACCOUNT = "account";

    /**
     * The rule group the current thread collects for; the threads a collector starts inherit it, and a call several
     * groups share ({@code SharedCalls}) counts in the group that made it.
     */
    private static final InheritableThreadLocal<String> GROUP = new InheritableThreadLocal<>();

    /** Calls are SDK operations; attempts include retries; throttles are attempts AWS refused for rate. */
    public record Count(long calls, long attempts, long throttles) {
        public long retries() {
            return attempts - calls;
        }
    }

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> attempts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> throttles = new ConcurrentHashMap<>();
    private final Map<String, Long> firstAttempt = new ConcurrentHashMap<>();
    private final Map<String, Long> lastAttempt = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> groups = new ConcurrentHashMap<>();

    /** Runs {@code work} with the calls it makes, on this thread and on those it starts, counted for {@code group}. */
    public static void forGroup(String group, Runnable work) {
        String outer = GROUP.get();
        GROUP.set(group);
        try {
            work.run();
        } finally {
            GROUP.set(outer);
        }
    }

    void call(String operation) {
        calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
        String group = GROUP.get();
        groups.computeIfAbsent(group == null ? ACCOUNT : group, k -> new LongAdder()).increment();
    }

    void attempt(String operation) {
        attempts.computeIfAbsent(operation, k -> new LongAdder()).increment();
        long now = System.nanoTime();
        firstAttempt.putIfAbsent(operation, now);
        lastAttempt.put(operation, now);
    }

    void throttle(String operation) {
        throttles.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    public Map<String, Count> snapshot() {
        Map<String, Count> out = new TreeMap<>();
        calls.forEach((op, n) -> out.put(op, new Count(n.sum(), sum(attempts, op), sum(throttles, op))));
        return out;
    }

    /** Calls per rule group; they add up to the calls per operation. */
    public Map<String, Long> byGroup() {
        Map<String, Long> out = new TreeMap<>();
        groups.forEach((group, n) -> out.put(group, n.sum()));
        return out;
    }

    /** The calls, attempts and throttles in {@code now} since {@code before} (two snapshots). */
    public static Map<String, Count> difference(Map<String, Count> now, Map<String, Count> before) {
        Map<String, Count> out = new TreeMap<>();
        now.forEach((op, c) -> {
            Count b = before.getOrDefault(op, new Count(0, 0, 0));
            if (c.calls() > b.calls() || c.attempts() > b.attempts()) {
                out.put(op, new Count(c.calls() - b.calls(), c.attempts() - b.attempts(),
                        c.throttles() - b.throttles()));
            }
        });
        return out;
    }

    private static long sum(Map<String, LongAdder> counters, String operation) {
        LongAdder n = counters.get(operation);
        return n == null ? 0 : n.sum();
    }

    /** Seconds from the first attempt of an operation to its last, e.g. how long a paced operation kept going. */
    public double span(String operation) {
        Long first = firstAttempt.get(operation);
        return first == null ? 0 : (lastAttempt.get(operation) - first) / 1e9;
    }

    public long calls(String operation) {
        return sum(calls, operation);
    }
}
