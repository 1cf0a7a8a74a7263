package dev.vigil.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Calls and attempts per {@code service:Operation}, for --stats and for tests that count API calls. */
public final class CallStats {

    /** Calls are SDK operations; attempts include retries. */
    public record Count(long calls, long attempts) {
        public long retries() {
            return attempts - calls;
        }
    }

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> attempts = new ConcurrentHashMap<>();

    void call(String operation) {
        calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    void attempt(String operation) {
        attempts.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    public Map<String, Count> snapshot() {
        Map<String, Count> out = new TreeMap<>();
        calls.forEach((op, n) -> out.put(op, new Count(n.sum(), attempts.getOrDefault(op, new LongAdder()).sum())));
        return out;
    }

    public long calls(String operation) {
        LongAdder n = calls.get(operation);
        return n == null ? 0 : n.sum();
    }
}
