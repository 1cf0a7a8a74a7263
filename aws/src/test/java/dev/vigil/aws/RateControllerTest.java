package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.RateController.Phase;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pacing controller on a fake clock against a simulated AWS bucket: sends at the controller's rate, the
 * bucket (shared with a competing consumer, or throttling at random) answers, and the controller hears each
 * answer. Deterministic: no real time, a seeded random source.
 */
class RateControllerTest {

    private static final long SECOND = 1_000_000_000L;

    /** AWS's side: a token bucket of what others leave, and throttles at random on top of it. */
    private static final class Aws {
        double rate;
        double burst;
        double tokens;
        long last;
        double randomShare;
        final Random random = new Random(7);

        Aws(double rate, double burst) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
        }

        boolean accepts(long now) {
            tokens = Math.min(burst, tokens + (now - last) / (double) SECOND * rate);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return random.nextDouble() >= randomShare;
        }
    }

    /** Sends calls back to back at the controller's rate for some seconds; what was sent and throttled. */
    private static final class Run {
        final RateController controller = new RateController(10, 0);
        final Aws aws;
        long now;

        Run(Aws aws) {
            this.aws = aws;
        }

        /** Calls per second sent, and the share throttled, over the next {@code seconds}. */
        double[] send(int seconds) {
            long end = now + seconds * SECOND;
            int sent = 0;
            int throttled = 0;
            while (now < end) {
                now += (long) (SECOND / controller.rate());
                sent++;
                if (aws.accepts(now)) {
                    controller.accepted(now);
                } else {
                    throttled++;
                    controller.throttled(now);
                }
            }
            return new double[] {sent / (double) seconds, throttled / (double) sent};
        }
    }

    @Test
    void convergesBelowTheCapacityAConsumerLeavesWithFewThrottles() {
        for (double left : new double[] {7, 5, 3}) {   // a competing consumer takes 30%, 50%, 70%
            Run run = new Run(new Aws(left, left));
            run.send(30);   // converging
            double[] steady = run.send(120);
            assertThat(steady[0] * (1 - steady[1])).as("accepted per second with %s/s left", left)
                    .isBetween(0.9 * left, 1.01 * left);   // AWS's burst adds a little
            assertThat(steady[1]).as("share throttled with %s/s left", left).isLessThan(0.05);
        }
    }

    @Test
    void randomThrottlesAreLearnedAsRandomAndTheRateStaysUp() {
        Aws aws = new Aws(10, 10);
        aws.randomShare = 0.3;
        Run run = new Run(aws);
        run.send(30);
        double[] steady = run.send(120);
        assertThat(steady[0]).isGreaterThan(0.85 * 10);
        assertThat(steady[1]).isBetween(0.25, 0.4);
        assertThat(run.controller.randomShare()).isBetween(0.2, 0.4);
    }

    @Test
    void recoversWithinSecondsWhenTheCompetingConsumerStops() {
        Aws aws = new Aws(5, 5);
        Run run = new Run(aws);
        run.send(60);
        assertThat(run.controller.rate()).isLessThan(5.5);
        aws.rate = 10;
        aws.burst = 10;
        run.send(20);
        assertThat(run.controller.rate()).isEqualTo(10.0);
        assertThat(run.send(30)[0]).isGreaterThan(9.5);
    }

    @Test
    void anIsolatedThrottleChangesNothing() {
        RateController controller = new RateController(10, 0);
        long now = 0;
        for (int i = 0; i < 200; i++) {
            now += SECOND / 10;
            if (i == 57 || i == 133) {
                controller.throttled(now);
            } else {
                controller.accepted(now);
            }
        }
        assertThat(controller.rate()).isEqualTo(10.0);
        assertThat(controller.phase()).isEqualTo(Phase.CRUISE);
    }

    @Test
    void throttlingBeyondDoubtEndsTheWindowEarlyAndAtMostHalvesTheRate() {
        RateController controller = new RateController(10, 0);
        long now = 0;
        for (int i = 0; i < 4; i++) {
            now += SECOND / 10;
            controller.throttled(now);
        }
        assertThat(controller.phase()).isEqualTo(Phase.CRUISE);   // four answers are no window yet
        controller.throttled(now + SECOND / 10);
        assertThat(controller.phase()).isEqualTo(Phase.SETTLE);
        assertThat(controller.rate()).isEqualTo(5.0);
    }

    @Test
    void binomialTailAndLikelihood() {
        assertThat(RateController.upperTail(10, 0, 0.3)).isEqualTo(1.0);
        assertThat(RateController.upperTail(10, 2, 0.02)).isCloseTo(0.0162, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(RateController.likelihood(10, 3, 0.3)).isCloseTo(0.2668, org.assertj.core.data.Offset.offset(1e-4));
    }
}
