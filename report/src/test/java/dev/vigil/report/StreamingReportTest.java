package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.engine.Engine;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Value;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Memory at scale: a streaming writer holds at most one rule's checks, never the whole scan's. */
class StreamingReportTest {

    private static final int TABLES = 200_000;

    private long produced;
    private long read;
    private long mostAlive;

    @Test
    void jsonHoldsAtMostOneRulesChecksAndCountsThemInTheSamePass() throws IOException {
        Inventory inventory = new Inventory();
        for (int i = 0; i < TABLES; i++) {
            inventory.add(new DynamoDbTable(new Origin.Live("123456789012", "eu-west-1"), "t-" + i, "t-" + i,
                    Value.known(DynamoDbTable.PitrStatus.ENABLED), 35));
        }
        List<RuleDefinition> rules = List.of(everyTable("Test-001", Risk.LOW), everyTable("Test-002", Risk.HIGH),
                everyTable("Test-003", Risk.MEDIUM));
        Summary.Tally tally = new Summary.Tally();
        ScanResult result = Engine.evaluate("123456789012", rules, inventory).peek(c -> {
            read++;
            mostAlive = Math.max(mostAlive, produced - read + 1);
        }).peek(tally);

        Format.JSON.report(new ReportOptions(false, false)).write(result, OutputStream.nullOutputStream());

        assertThat(produced).isEqualTo(3L * TABLES);
        assertThat(mostAlive).isLessThanOrEqualTo(TABLES);
        assertThat(tally.summary().count(Status.SUCCESS)).isEqualTo(3 * TABLES);
    }

    /** A rule that passes every table and counts the checks it creates. */
    private RuleDefinition everyTable(String id, Risk risk) {
        RuleMeta meta = new RuleMeta(id, id, risk, List.of(Category.RELIABILITY), List.of(), "DynamoDB",
                DynamoDbTable.class, Set.of(DynamoDbTable.class), null);
        return new RuleDefinition(meta, (inventory, findings) -> inventory.all(DynamoDbTable.class).forEach(t -> {
            produced++;
            findings.pass(t, "ok");
        }));
    }
}
