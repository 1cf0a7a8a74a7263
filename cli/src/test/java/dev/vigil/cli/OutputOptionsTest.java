package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.report.Format;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report is put in place only once complete: one that fails half-way never looks like one that did not. */
class OutputOptionsTest {

    private static final RuleDefinition RULE = Catalog.load().find("DynamoDB-003");

    private static Check check(int i) {
        return new Check(RULE.meta(), Status.FAILURE, "arn:aws:dynamodb:us-east-1:1:table/t" + i, "t" + i,
                new Origin.Live("1", "us-east-1"), "Point-in-time recovery is not enabled", null, Map.of(), null);
    }

    /** Three checks; reading the second fails, as an unexpected fault half-way through a report would. */
    private static ScanResult failingHalfWay() {
        AtomicInteger read = new AtomicInteger();
        return ScanResult.of("1", List.of(check(1), check(2), check(3)), List.of(), List.of()).map(c -> {
            if (read.incrementAndGet() == 2) {
                throw new IllegalStateException("a fault half-way");
            }
            return c;
        });
    }

    private static OutputOptions json(Path output) {
        OutputOptions options = new OutputOptions();
        options.format = Format.JSON;
        options.output = output;
        options.failOn = dev.vigil.core.rule.Risk.LOW;
        return options;
    }

    @Test
    void aReportFileIsReplacedOnlyByAFinishedReportAndNoDraftIsLeft(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("report.json"), "the previous report");

        assertThatThrownBy(() -> json(report).report(failingHalfWay(), List.of(RULE)))
                .hasMessage("a fault half-way");
        assertThat(Files.readString(report)).isEqualTo("the previous report");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(report);
        }

        int exit = json(report).report(ScanResult.of("1", List.of(check(1), check(2)), List.of(), List.of()),
                List.of(RULE));
        assertThat(exit).isEqualTo(Vigil.FAILURES);
        assertThat(new ObjectMapper().readTree(report.toFile()).get("checks")).hasSize(2);
    }

    @Test
    void standardOutputGetsNothingOfAReportThatCouldNotBeFinished() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            assertThatThrownBy(() -> json(null).report(failingHalfWay(), List.of(RULE)))
                    .hasMessage("a fault half-way");
        } finally {
            System.setOut(stdout);
        }
        assertThat(captured.toString()).isEmpty();
    }
}
