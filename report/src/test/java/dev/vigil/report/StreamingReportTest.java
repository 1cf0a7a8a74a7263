package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Check;
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
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Memory at scale: a streaming writer holds at most one rule's checks, never the whole scan's. Two measures: how
 * many checks were produced but not yet read (the engine side), and whether the first rule's checks can be
 * collected once the third rule's are read (what the writer keeps).
 */
class StreamingReportTest {

    private static final int TABLES = 200_000;
    private static final int SAMPLE_EVERY = 1_000;

    private long produced;
    private long read;
    private long mostAlive;
    private final List<String> rulesSeen = new ArrayList<>();
    private final List<WeakReference<Check>> firstRule = new ArrayList<>();
    private long firstRuleStillHeld = -1;

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "CSV", "SARIF", "OCSF", "ASFF", "HTML"})
    void holdsAtMostOneRulesChecksAndCountsThemInTheSamePass(Format format) throws IOException {
        write(format);

        assertThat(produced).isEqualTo(3L * TABLES);
        assertThat(mostAlive).isLessThanOrEqualTo(TABLES);
        assertThat(firstRule).hasSize(TABLES / SAMPLE_EVERY);
        assertThat(firstRuleStillHeld).as("checks of the first rule held once the third rule's are read").isZero();
    }

    /** The table groups every check by risk, so it keeps them all: the measure sees that. */
    @Test
    void theMeasureSeesAWriterThatKeepsEveryCheck() throws IOException {
        write(Format.TABLE);

        assertThat(firstRuleStillHeld).isEqualTo(TABLES / SAMPLE_EVERY);
    }

    private void write(Format format) throws IOException {
        Inventory inventory = new Inventory();
        for (int i = 0; i < TABLES; i++) {
            String name = "t-" + i;
            inventory.add(new DynamoDbTable(new Origin.Live("123456789012", "eu-west-1"),
                    "arn:aws:dynamodb:eu-west-1:123456789012:table/" + name, name,
                    Value.known(DynamoDbTable.PitrStatus.ENABLED), 35));
        }
        List<RuleDefinition> rules = List.of(everyTable("Test-001", Risk.LOW), everyTable("Test-002", Risk.HIGH),
                everyTable("Test-003", Risk.MEDIUM));
        Summary.Tally tally = new Summary.Tally();
        ScanResult result = Engine.evaluate("123456789012", rules, inventory).peek(this::observe).peek(tally);

        format.report(new ReportOptions(false, false, rules)).write(result, OutputStream.nullOutputStream());

        assertThat(tally.summary().count(Status.SUCCESS)).isEqualTo(3 * TABLES);
    }

    private void observe(Check c) {
        read++;
        mostAlive = Math.max(mostAlive, produced - read + 1);
        if (rulesSeen.isEmpty() || !rulesSeen.getLast().equals(c.rule().id())) {
            rulesSeen.add(c.rule().id());
            if (rulesSeen.size() == 3) {
                firstRuleStillHeld = heldAfterCollection();
            }
        }
        if (rulesSeen.size() == 1 && read % SAMPLE_EVERY == 0) {
            firstRule.add(new WeakReference<>(c));
        }
    }

    /** Sampled checks of the first rule that survive collection (a few collections, as System.gc is a request). */
    private long heldAfterCollection() {
        long held = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5 && held > 0; attempt++) {
            System.gc();
            held = firstRule.stream().filter(r -> r.get() != null).count();
        }
        return held;
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
