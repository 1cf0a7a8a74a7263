package dev.vigil.aws;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** A blocking token bucket. A lock rather than synchronized, so waiting virtual threads do not pin. */
final class TokenBucket {

    private final double perNano;
    private final double burst;
    private final ReentrantLock lock = new ReentrantLock(true);
    private double tokens;
    private long last;

    TokenBucket(RateLimits.Rate rate) {
        this.perNano = rate.perSecond() / TimeUnit.SECONDS.toNanos(1);
        this.burst = rate.burst();
        this.tokens = rate.burst();
        this.last = System.nanoTime();
    }

    /** Takes one token, waiting as long as the rate requires. */
    void acquire() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                tokens = Math.min(burst, tokens + (now - last) * perNano);
                last = now;
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                TimeUnit.NANOSECONDS.sleep((long) Math.ceil((1 - tokens) / perNano));
            }
        } finally {
            lock.unlock();
        }
    }
}
