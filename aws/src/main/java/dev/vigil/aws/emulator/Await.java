package dev.vigil.aws.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Waiting on something that happens in the background, polling a condition with a bound, never a fixed sleep: in
 * tests, and in the commands that drive the service on the emulator (the demo, the benchmarks). It lives beside the
 * emulator so that those commands need no test-support module.
 */
public final class Await {

    private Await() {
    }

    /** Polls until the condition holds; fails the test naming it after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, AssertionError::new);
    }

    /**
     * Polls until the condition holds; after {@code timeout} throws what {@code timedOut} makes of the line
     * "timed out after N s waiting until WHAT".
     */
    public static <E extends Throwable> void until(String what, Duration timeout, BooleanSupplier condition,
            Function<String, E> timedOut) throws E {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw timedOut.apply("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
