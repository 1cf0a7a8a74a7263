package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Risk;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelFilterTest {

    private static Digest.Item item(String rule, Risk risk, String region, Status status, String... compliances) {
        return new Digest.Item("ccc:1:" + rule + ":S:" + region + ":r", rule, "title", risk, region, "arn:r", "r",
                "m", List.of("reliability"), List.of(compliances), status);
    }

    private static Digest digest(List<Digest.Item> newFailures, List<Digest.Item> resolved) {
        return new Digest("run-1", "111122223333", "prod", List.of("us-east-1"), Instant.EPOCH, Instant.EPOCH,
                "succeeded", newFailures, resolved, Map.of(Risk.HIGH, 3), null);
    }

    @Test
    void anEmptyFilterKeepsEverythingAndOrdersHighestRiskFirst() {
        Digest d = digest(List.of(item("A-1", Risk.LOW, "us-east-1", Status.FAILURE),
                item("B-1", Risk.HIGH, "us-east-1", Status.FAILURE)), List.of());
        Digest kept = ChannelFilter.ALL.narrow(d).orElseThrow();
        assertThat(kept.newFailures()).extracting(Digest.Item::ruleId).containsExactly("B-1", "A-1");
        assertThat(kept.newFailuresByRisk()).isEqualTo(Map.of(Risk.HIGH, 1, Risk.LOW, 1));
    }

    @Test
    void everyNonEmptySetMustAllowTheItem() {
        ChannelFilter highInEurope = new ChannelFilter(Set.of(), Set.of(Risk.HIGH), Set.of(), Set.of("eu-west-1"),
                Set.of(), Set.of("NIST5"), Set.of());
        Digest d = digest(List.of(item("A-1", Risk.HIGH, "eu-west-1", Status.FAILURE, "NIST5", "AWAF"),
                item("A-2", Risk.HIGH, "us-east-1", Status.FAILURE, "NIST5"),
                item("A-3", Risk.LOW, "eu-west-1", Status.FAILURE, "NIST5"),
                item("A-4", Risk.HIGH, "eu-west-1", Status.FAILURE, "AWAF")),
                List.of(item("A-5", Risk.HIGH, "eu-west-1", Status.SUCCESS, "NIST5")));
        Digest kept = highInEurope.narrow(d).orElseThrow();
        assertThat(kept.newFailures()).extracting(Digest.Item::ruleId).containsExactly("A-1");
        assertThat(kept.resolved()).extracting(Digest.Item::ruleId).containsExactly("A-5");
    }

    @Test
    void nothingLeftMeansNothingToSend() {
        ChannelFilter otherAccount = new ChannelFilter(Set.of("999999999999"), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of());
        assertThat(otherAccount.narrow(digest(List.of(item("A-1", Risk.HIGH, "us-east-1", Status.FAILURE)),
                List.of()))).isEmpty();
        assertThat(ChannelFilter.ALL.narrow(digest(List.of(), List.of()))).isEmpty();
    }
}
