package dev.vigil.aws;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A blocking token bucket that adapts: a throttling answer halves its rate (AWS's bucket is shared with
 * everything else the account runs, so the published rate is a ceiling, not a promise), and each
 * accepted call wins back a twentieth of the configured rate, up to it.
 *
 * <p>It starts one token short of its burst: the server's bucket starts full when our first call
 * arrives, so that token of slack absorbs the difference in latency between the first call and later
 * ones, and calls paced at exactly the published rate are never throttled. A lock rather than
 * synchronized, so waiting virtual threads do not pin.
 */
final class TokenBucket {

    private static final double NANOS = TimeUnit.SECONDS.toNanos(1);

    private final double configured;
    private final double burst;
    private final ReentrantLock lock = new ReentrantLock(true);
    private double perSecond;
    private double tokens;
    private long last;

    TokenBucket(RateLimits.Rate rate) {
        this.configured = rate.perSecond();
        this.perSecond = rate.perSecond();
        this.burst = rate.burst();
        this.tokens = Math.max(0, rate.burst() - 1);
        this.last = System.nanoTime();
    }

    /** Takes one token, waiting as long as the current rate requires. */
    void acquire() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                refill();
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                TimeUnit.NANOSECONDS.sleep((long) Math.ceil((1 - tokens) / perSecond * NANOS));
            }
        } finally {
            lock.unlock();
        }
    }

    void throttled() {
        lock.lock();
        try {
            refill();
            perSecond = Math.max(configured / 16, perSecond / 2);
            tokens = Math.min(tokens, 0);
        } finally {
            lock.unlock();
        }
    }

    void accepted() {
        lock.lock();
        try {
            refill();
            perSecond = Math.min(configured, perSecond + configured / 20);
        } finally {
            lock.unlock();
        }
    }

    double currentRate() {
        return perSecond;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / NANOS * perSecond);
        last = now;
    }
}
