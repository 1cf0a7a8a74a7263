package dev.vigil.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.service.Recheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The window: one re-check per account and region for the events of its window, held back while busy. */
class CoalescerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Recheck table(String region, String name) {
        return new Recheck("123456789012", region, Set.of("DynamoDB-003"), Map.of("DynamoDB-003", Set.of(name)));
    }

    private static Coalescer.MessageRef message(String id) {
        return new Coalescer.MessageRef(null, id);
    }

    @Test
    void eventsOfOneRegionWithinTheWindowBecomeOneReCheck() {
        Coalescer c = new Coalescer(Duration.ofSeconds(5));
        c.add(table("us-east-1", "a"), message("m1"), T0);
        c.add(table("us-east-1", "a"), message("m2"), T0.plusSeconds(1));   // a duplicate
        c.add(table("us-east-1", "b"), message("m3"), T0.plusSeconds(4));
        c.add(table("eu-west-1", "c"), message("m4"), T0.plusSeconds(2));

        assertThat(c.takeDue(T0.plusSeconds(4), false)).isEmpty();
        List<Coalescer.Pending> due = c.takeDue(T0.plusSeconds(5), false);
        assertThat(due).singleElement().satisfies(p -> {
            assertThat(p.recheck().resources()).isEqualTo(Map.of("DynamoDB-003", Set.of("a", "b")));
            assertThat(p.messages()).extracting(Coalescer.MessageRef::messageId).containsExactly("m1", "m2", "m3");
        });
        assertThat(c.takeDue(T0.plusSeconds(7), false)).singleElement()
                .satisfies(p -> assertThat(p.recheck().region()).isEqualTo("eu-west-1"));
    }

    @Test
    void aBusyReCheckWaitsAndGathersWhatArrivesMeanwhile() {
        Coalescer c = new Coalescer(Duration.ofSeconds(1));
        c.add(table("us-east-1", "a"), message("m1"), T0);
        Coalescer.Pending busy = c.takeDue(T0.plusSeconds(1), false).getFirst();
        c.add(table("us-east-1", "b"), message("m2"), T0.plusSeconds(1));
        c.putBack(busy, T0.plusSeconds(2));

        assertThat(c.takeDue(T0.plusMillis(1500), false)).as("waiting after the busy try").isEmpty();
        Coalescer.Pending again = c.takeDue(T0.plusSeconds(2), false).getFirst();
        assertThat(again.recheck().resources()).isEqualTo(Map.of("DynamoDB-003", Set.of("a", "b")));
        c.started("run-1", again);
        assertThat(c.inFlight()).containsOnlyKeys("run-1");
        c.finished("run-1");
        assertThat(c.inFlight()).isEmpty();
        c.add(table("us-east-1", "z"), message("m3"), T0.plusSeconds(3));
        assertThat(c.drain()).singleElement().satisfies(p -> assertThat(p.messages()).hasSize(1));
        assertThat(c.takeDue(T0.plusSeconds(60), false)).isEmpty();
    }

    @Test
    void whileABacklogIsReceivedAReCheckGoesOnGatheringForAtMostTwelveWindows() {
        Coalescer c = new Coalescer(Duration.ofSeconds(5));
        c.add(table("us-east-1", "a"), message("m1"), T0);
        assertThat(c.takeDue(T0.plusSeconds(5), true)).as("the queue still has a backlog").isEmpty();
        c.add(table("us-east-1", "b"), message("m2"), T0.plusSeconds(30));
        assertThat(c.takeDue(T0.plusSeconds(59), true)).isEmpty();
        assertThat(c.takeDue(T0.plusSeconds(60), true)).as("twelve windows: it goes, backlog or not").singleElement()
                .satisfies(p -> assertThat(p.messages()).hasSize(2));
        c.add(table("us-east-1", "c"), message("m3"), T0.plusSeconds(61));
        assertThat(c.takeDue(T0.plusSeconds(66), false)).as("the backlog drained: the window decides").hasSize(1);
    }
}
