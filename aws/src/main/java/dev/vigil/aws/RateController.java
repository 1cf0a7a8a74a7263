package dev.vigil.aws;

/**
 * Decides the rate one pacing bucket sends at, from what AWS answers: accepted or throttled. Not thread-safe: its
 * {@link TokenBucket} calls it under its lock. Time is given in nanoseconds, so tests drive it with a fake clock.
 *
 * <p>AWS's bucket is shared with everything else the account runs, so the published rate is a ceiling, and two
 * kinds of throttling must be told apart: throttling because the calls exceed what the others leave (sending less
 * removes it), and throttling that does not depend on the rate (someone else's burst, a fault; sending less only
 * slows the scan). The controller keeps an estimate of the capacity left ({@code capacity}) and of the
 * rate-independent share of throttles ({@code randomShare}), judges outcomes in windows of at least a second and
 * {@value #WINDOW_OUTCOMES} answers, and moves through four phases:
 * <ul>
 *   <li>CRUISE at 97% of the capacity. When throttles are more than the random share explains (a one-sided binomial
 *       test: at 0.1% for one window, at 1% for the evidence of the last {@value #EVIDENCE_ANSWERS} or so answers),
 *       the capacity becomes the rate AWS accepted, at most 15% and at least 50% lower in one step: a decrease is
 *       bounded per window, and an isolated throttle is no evidence. After {@value #CRUISE_SECONDS} s below the
 *       published rate it PROBEs. The random share follows the cruise's throttles slowly.</li>
 *   <li>PROBE: each window a little faster than the last (10% three times, then doubling steps) until throttles
 *       exceed the random share (at 20%: the first sign ends it), or the published rate is reached. When
 *       others stop, this brings the rate back within seconds. A failed probe returns to the capacity it started
 *       from, whose cruise evidence it keeps: AWS's burst can make a probe step look good for a while.</li>
 *   <li>SETTLE: the next {@value #WINDOW_OUTCOMES}/2 answers after each change are ignored: they are of calls sent
 *       before it.</li>
 *   <li>VERIFY after a decrease, over {@value #VERIFY_OUTCOMES} answers: throttling back to the random share
 *       confirms the decrease; throttling still too much calls for another decrease — unless the share of throttles
 *       the previous VERIFY saw explains it better than the capacity that VERIFY implies (binomial likelihoods):
 *       then it does not depend on the rate, so the random share learns it and the capacity is found again from
 *       the published rate down. The window that triggered the first decrease is no reference, as it may hold
 *       AWS's burst.
 *       When unclear, it errs towards sending less. Throttling beyond doubt ends a window early, in any phase.</li>
 * </ul>
 */
final class RateController {

    enum Phase { CRUISE, PROBE, SETTLE, VERIFY }

    static final double MIN_RANDOM_SHARE = 0.02;
    static final double MAX_RANDOM_SHARE = 0.5;
    static final double CRUISE = 0.97;
    static final int WINDOW_OUTCOMES = 10;
    static final int VERIFY_OUTCOMES = 20;
    static final int EVIDENCE_ANSWERS = 60;
    static final long CRUISE_SECONDS = 6;
    private static final long SECOND = 1_000_000_000L;
    private static final double EXCESS = 0.01;
    private static final double WINDOW_EXCESS = 0.001;
    private static final double PROBE_EXCESS = 0.2;
    private static final double GROWTH = 0.1;
    private static final double LEARNING = 0.02;

    private final double published;
    private double capacity;
    private double randomShare = MIN_RANDOM_SHARE;
    private Phase phase = Phase.CRUISE;
    private Phase afterSettle;
    private long phaseStart;
    private int probeSteps;
    private double probeBase;

    /** The window being counted, and the evidence a phase accumulates across windows. */
    private long windowStart;
    private int answers;
    private int throttles;
    private int phaseAnswers;
    private int phaseThrottles;
    /** The evidence of cruising at this capacity, kept across probes that return to it. */
    private int cruiseAnswers;
    private int cruiseThrottles;

    /** What a decrease is checked against, and whether that was itself measured after a decrease. */
    private double throttledShareBefore;
    private double sentBefore;
    private int answersBefore;
    private boolean referenceVerified;

    RateController(double published, long now) {
        this.published = published;
        this.capacity = published / CRUISE;
        this.windowStart = now;
        this.phaseStart = now;
    }

    /** The rate to send at now, calls per second. */
    double rate() {
        double rate = CRUISE * capacity * (phase == Phase.PROBE ? growth() : 1);
        return Math.min(published, Math.max(published / 20, rate));
    }

    Phase phase() {
        return phase;
    }

    double randomShare() {
        return randomShare;
    }

    void accepted(long now) {
        answer(now, false);
    }

    void throttled(long now) {
        answer(now, true);
    }

    private void answer(long now, boolean throttled) {
        answers++;
        if (throttled) {
            throttles++;
        }
        if (clear(throttled) || now - windowStart >= SECOND && answers >= WINDOW_OUTCOMES) {
            double sent = Math.min(rate(), answers * (double) SECOND / (now - windowStart));
            int n = answers;
            int t = throttles;
            windowStart = now;
            answers = 0;
            throttles = 0;
            close(now, n, t, sent);
        }
    }

    /**
     * Whether the window can close before its second: a settle window once the calls sent before the change have
     * answered, and any window whose throttling is already beyond doubt.
     */
    private boolean clear(boolean throttled) {
        int early = WINDOW_OUTCOMES / 2;
        return switch (phase) {
            case SETTLE -> answers >= early;
            case VERIFY -> throttled && phaseAnswers + answers >= early
                    && excess(phaseAnswers + answers, phaseThrottles + throttles, WINDOW_EXCESS);
            case CRUISE, PROBE -> throttled && answers >= early && excess(answers, throttles, WINDOW_EXCESS);
        };
    }

    private void close(long now, int n, int t, double sent) {
        switch (phase) {
            case SETTLE -> enter(afterSettle, now);
            case VERIFY -> {
                phaseAnswers += n;
                phaseThrottles += t;
                verify(now, sent);
            }
            case PROBE -> {
                if (excess(n, t, PROBE_EXCESS)) {
                    capacity = probeBase;   // not the last step that looked good: AWS's burst may have flattered it
                    settle(Phase.CRUISE, now);
                } else if (CRUISE * (capacity *= growth()) >= published) {
                    clearEvidence();
                    enter(Phase.CRUISE, now);
                } else {
                    probeSteps++;
                }
            }
            case CRUISE -> {
                cruiseAnswers += n;
                cruiseThrottles += t;
                if (excess(n, t, WINDOW_EXCESS)) {   // one window alone must be clearer than accumulated evidence
                    decrease(now, sent, n, t, false);
                } else if (excess(cruiseAnswers, cruiseThrottles, EXCESS)) {
                    decrease(now, sent, cruiseAnswers, cruiseThrottles, false);
                } else {
                    if (cruiseAnswers >= EVIDENCE_ANSWERS) {   // old evidence fades, so a small bias in the
                        cruiseAnswers /= 2;                     // random share does not add up to an excess
                        cruiseThrottles /= 2;
                    }
                    // slowly, so that a rate a little above the capacity is caught before it looks random
                    randomShare = clampShare(randomShare + LEARNING * ((double) t / n - randomShare));
                    if (now - phaseStart >= CRUISE_SECONDS * SECOND && CRUISE * capacity < published) {
                        probeBase = capacity;
                        enter(Phase.PROBE, now);
                    }
                }
            }
        }
    }

    /**
     * The capacity becomes what AWS accepted, within bounds, and the next windows check why it throttled.
     * {@code measuredAfterDecrease} says whether the window judged was itself sent after a decrease (so that AWS's
     * burst was spent), which makes it a fair reference for the next check.
     */
    private void decrease(long now, double sent, int n, int t, boolean measuredAfterDecrease) {
        clearEvidence();
        double share = (double) t / n;
        throttledShareBefore = share;
        answersBefore = n;
        sentBefore = sent;
        referenceVerified = measuredAfterDecrease;
        capacity = Math.max(0.5 * capacity, Math.min(0.85 * capacity, sent * (1 - share) / (1 - randomShare)));
        settle(Phase.VERIFY, now);
    }

    /**
     * After a decrease. Throttling back to the random share confirms it. Throttling still too much is the capacity
     * again — another decrease, from what AWS accepted now — unless the reference (the VERIFY before) explains it
     * better with its own share than with the capacity it implies (binomial likelihoods): then the throttling does
     * not depend on the rate, the random share learns it, and the capacity is found again from the top. The window
     * that started the decreases is no reference. When the evidence is unclear this errs towards sending less,
     * which costs a little time, rather than throttling others.
     */
    private void verify(long now, double sent) {
        int n = phaseAnswers;
        int t = phaseThrottles;
        double accepted = sentBefore * (1 - throttledShareBefore);
        double ifCapacity = Math.max(randomShare, 1 - accepted / sent);
        boolean capacityExplains = !referenceVerified
                || likelihood(n, t, ifCapacity) > likelihood(n, t, throttledShareBefore);
        if (n < VERIFY_OUTCOMES) {
            if (capacityExplains && excess(n, t, WINDOW_EXCESS)) {   // clearly the capacity still: no need to wait
                decrease(now, sent, n, t, true);
            }
        } else if (!excess(n, t, EXCESS)) {
            enter(Phase.CRUISE, now);
        } else if (capacityExplains) {
            decrease(now, sent, n, t, true);
        } else {
            randomShare = clampShare((throttledShareBefore * answersBefore + t) / (answersBefore + n));
            capacity = published / CRUISE;
            clearEvidence();
            enter(Phase.CRUISE, now);
        }
    }

    private void clearEvidence() {
        cruiseAnswers = 0;
        cruiseThrottles = 0;
    }

    private void settle(Phase next, long now) {
        afterSettle = next;
        enter(Phase.SETTLE, now);
    }

    private void enter(Phase next, long now) {
        phase = next;
        phaseStart = now;
        phaseAnswers = 0;
        phaseThrottles = 0;
        probeSteps = 0;
    }

    private double growth() {
        return 1 + GROWTH * Math.pow(2, Math.max(0, probeSteps - 2));
    }

    /** More throttles than the random share explains: P(at least t of n) below {@code level}. */
    private boolean excess(int n, int t, double level) {
        return upperTail(n, t, randomShare) < level;
    }

    private static double clampShare(double share) {
        return Math.min(MAX_RANDOM_SHARE, Math.max(MIN_RANDOM_SHARE, share));
    }

    /** P(X >= t) for X ~ Binomial(n, p). */
    static double upperTail(int n, int t, double p) {
        double below = 0;
        for (int k = 0; k < t; k++) {
            below += likelihood(n, k, p);
        }
        return Math.max(0, 1 - below);
    }

    /** P(X = t) for X ~ Binomial(n, p), p kept off 0 and 1 so that comparisons stay finite. */
    static double likelihood(int n, int t, double p) {
        double q = Math.min(0.999, Math.max(0.001, p));
        double logChoose = 0;
        for (int i = 1; i <= t; i++) {
            logChoose += Math.log(n - t + i) - Math.log(i);
        }
        return Math.exp(logChoose + t * Math.log(q) + (n - t) * Math.log(1 - q));
    }
}
