package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Risk;
import org.junit.jupiter.api.Test;

/** A suppressed check stays in every report, marked, and counts for nothing. */
class SuppressedChecksTest {

    @Test
    void summaryLeavesSuppressedChecksOutOfCountsAndFailOn() {
        Summary s = Summary.of(SampleScan.result().checkList());
        assertThat(s.total()).isEqualTo(6);
        assertThat(s.suppressed()).isEqualTo(1);
        assertThat(s.count(Status.FAILURE)).isEqualTo(2);
        assertThat(s.failuresAtLeast(Risk.LOW)).isEqualTo(2);
    }

    @Test
    void jsonCarriesTheReason() throws Exception {
        JsonNode checks = new ObjectMapper().readTree(SampleScan.render(Format.JSON, SampleScan.result())).get("checks");
        assertThat(checks.get(1).get("resource").asText()).isEqualTo("Cache");
        assertThat(checks.get(1).get("suppressed").asText()).isEqualTo("rebuilt nightly");
        assertThat(checks.get(0).has("suppressed")).isFalse();
    }

    @Test
    void tableLabelsItSkipWithTheReason() throws Exception {
        String table = SampleScan.render(Format.TABLE, SampleScan.result());
        assertThat(table).containsPattern("SKIP +Sample-001 +infra/my stack.yaml:12 +Cache .*\\[suppressed: rebuilt nightly]");
        assertThat(table).contains("1 suppressed");
    }

    @Test
    void csvEndsTheRowWithTheReason() throws Exception {
        assertThat(SampleScan.render(Format.CSV, SampleScan.result()).lines())
                .anyMatch(l -> l.contains(",Cache,") && l.endsWith(",rebuilt nightly"));
    }
}
