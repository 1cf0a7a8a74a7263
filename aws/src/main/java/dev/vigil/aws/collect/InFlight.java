package dev.vigil.aws.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Per-resource calls a few at a time, so that even with a slow network the region's pace, not latency, sets the speed.
 */
final class InFlight {

    private InFlight() {
    }

    /** {@code call} on every item, at most {@code limit} at once, results in the items' order; null results left out. */
    static <T, R> List<R> map(List<T> items, int limit, Function<T, R> call) {
        Semaphore slots = new Semaphore(limit);
        List<Future<R>> results = new ArrayList<>(items.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                results.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return call.apply(item);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        List<R> out = new ArrayList<>(items.size());
        for (Future<R> result : results) {
            R r = result.resultNow();
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }
}
