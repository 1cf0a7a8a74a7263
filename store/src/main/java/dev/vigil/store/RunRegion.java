package dev.vigil.store;

import dev.vigil.core.rule.Risk;
import java.time.Instant;
import java.util.Map;

/**
 * One job of a run: an (account, region), with the node that ran it and what its commit counted.
 *
 * @param attempts     how many times a node started it (more than one after a node died or the job failed)
 * @param stillFailing checks that failed before this run and still fail, per risk (suppressed ones left out)
 */
public record RunRegion(String region, State state, String node, Instant started, Instant finished, int attempts,
                        long apiCalls, int checks, int errors, int newFailures, int resolved,
                        Map<Risk, Integer> stillFailing, String error) {

    public RunRegion {
        stillFailing = Map.copyOf(stillFailing);
    }

    public enum State { PENDING, RUNNING, DONE, FAILED }
}
