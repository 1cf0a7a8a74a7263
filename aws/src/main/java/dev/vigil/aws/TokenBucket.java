package dev.vigil.aws;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A blocking token bucket per account, region and rate bucket, at the rate its {@link RateController} sets from
 * what AWS answers. Callers wait in arrival order (a fair lock) and re-read the rate every short while as they
 * wait, so a change of rate takes effect at once rather than after the calls already queued.
 *
 * <p>It starts one token short of its burst: the server's bucket starts full when our first call arrives, so that
 * token of slack absorbs the difference in latency between the first call and later ones, and calls paced at
 * exactly the published rate are never throttled.
 */
final class TokenBucket {

    private static final double NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Longest single wait before the rate is read again. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final LongSupplier clock;
    private final double burst;
    private final ReentrantLock queue = new ReentrantLock(true);
    private final ReentrantLock state = new ReentrantLock();
    private final RateController controller;
    private double tokens;
    private long last;

    TokenBucket(RateLimits.Rate rate) {
        this(rate, System::nanoTime);
    }

    TokenBucket(RateLimits.Rate rate, LongSupplier clock) {
        this.clock = clock;
        this.burst = rate.burst();
        this.last = clock.getAsLong();
        this.tokens = Math.max(0, rate.burst() - 1);
        this.controller = new RateController(rate.perSecond(), last);
    }

    /** Takes one token, waiting as long as the current rate requires. */
    void acquire() throws InterruptedException {
        queue.lockInterruptibly();
        try {
            while (true) {
                long wait;
                state.lock();
                try {
                    refill();
                    if (tokens >= 1) {
                        tokens -= 1;
                        return;
                    }
                    wait = (long) Math.ceil((1 - tokens) / controller.rate() * NANOS);
                } finally {
                    state.unlock();
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, RECHECK_NANOS));
            }
        } finally {
            queue.unlock();
        }
    }

    void accepted() {
        state.lock();
        try {
            refill();
            controller.accepted(last);
        } finally {
            state.unlock();
        }
    }

    void throttled() {
        state.lock();
        try {
            refill();
            controller.throttled(last);
        } finally {
            state.unlock();
        }
    }

    double currentRate() {
        state.lock();
        try {
            return controller.rate();
        } finally {
            state.unlock();
        }
    }

    private void refill() {
        long now = clock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) / NANOS * controller.rate());
        last = now;
    }
}
