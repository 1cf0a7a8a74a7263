package dev.vigil.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Value;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineTest {

    private final List<String> evaluated = new ArrayList<>();

    @Test
    void evaluatesEachRuleOnlyWhenThePreviousRulesChecksHaveBeenRead() {
        Inventory inventory = new Inventory();
        for (String name : List.of("b", "a")) {
            for (String region : List.of("us-east-1", "eu-west-1")) {
                inventory.add(new DynamoDbTable(new Origin.Live("1", region), region + "/" + name, name,
                        Value.known(DynamoDbTable.PitrStatus.ENABLED), 35));
            }
        }
        ScanResult result = Engine.evaluate("1", List.of(rule("Low-001", Risk.LOW), rule("High-002", Risk.HIGH),
                rule("High-001", Risk.HIGH)), inventory);
        assertThat(evaluated).isEmpty();

        Iterator<Check> checks = result.checks().iterator();
        List<String> read = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Check c = checks.next();
            read.add(c.rule().id() + " " + c.resource());
        }
        assertThat(evaluated).containsExactly("High-001");
        assertThat(read).containsExactly("High-001 eu-west-1/a", "High-001 eu-west-1/b", "High-001 us-east-1/a",
                "High-001 us-east-1/b");
        assertThatThrownBy(result::notes).isInstanceOf(IllegalStateException.class);

        checks.forEachRemaining(c -> { });
        assertThat(evaluated).containsExactly("High-001", "High-002", "Low-001");
        assertThat(result.notes()).isEmpty();
        assertThatThrownBy(() -> result.checks().iterator()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRuleThatThrowsIsAnErrorForTheScopesItThrowsOnAndTheOtherScopesKeepTheirChecks() {
        Inventory inventory = new Inventory();
        inventory.add(table("us-east-1", "good"));
        inventory.add(table("eu-west-1", "good"));
        inventory.add(table("eu-west-1", null));   // data the rule does not expect
        RuleMeta meta = new RuleMeta("Fragile-001", "Fragile", Risk.HIGH, List.of(Category.RELIABILITY), List.of(),
                "DynamoDB", DynamoDbTable.class, Set.of(DynamoDbTable.class), null);
        RuleDefinition fragile = new RuleDefinition(meta, (inv, findings) -> inv.all(DynamoDbTable.class)
                .forEach(t -> findings.fail(t, t.name().toUpperCase(java.util.Locale.ROOT), null)));

        List<Check> checks = Engine.evaluate("1", List.of(fragile), inventory).checkList();

        assertThat(checks).extracting(Check::resource, Check::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("us-east-1/good", Status.FAILURE),
                org.assertj.core.groups.Tuple.tuple("vigil:evaluate@1/eu-west-1", Status.ERROR));
        assertThat(checks).filteredOn(c -> c.status() == Status.ERROR).singleElement()
                .satisfies(c -> assertThat(c.message()).isEqualTo("Fragile-001 could not be evaluated here: internal "
                        + "error (NullPointerException); please report it at the Vigil issue tracker"));
    }

    @Test
    void aRuleThatThrowsOnlyOverTheWholeInventoryIsAnErrorEverywhere() {
        Inventory inventory = new Inventory();
        inventory.add(table("us-east-1", "a"));
        inventory.add(table("eu-west-1", "b"));
        RuleMeta meta = new RuleMeta("Joins-001", "Joins", Risk.HIGH, List.of(Category.RELIABILITY), List.of(),
                "DynamoDB", DynamoDbTable.class, Set.of(DynamoDbTable.class), null);
        RuleDefinition joins = new RuleDefinition(meta, (inv, findings) -> {
            inv.all(DynamoDbTable.class).forEach(t -> findings.pass(t, "ok"));
            if (inv.scopes().size() > 1) {
                throw new IllegalStateException("cross-scope defect");
            }
        });

        assertThat(Engine.evaluate("1", List.of(joins), inventory).checkList())
                .extracting(Check::resource, Check::status).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("vigil:evaluate@1/us-east-1", Status.ERROR),
                        org.assertj.core.groups.Tuple.tuple("vigil:evaluate@1/eu-west-1", Status.ERROR));
    }

    private static DynamoDbTable table(String region, String name) {
        return new DynamoDbTable(new Origin.Live("1", region), region + "/" + name, name,
                Value.known(DynamoDbTable.PitrStatus.DISABLED), null);
    }

    private RuleDefinition rule(String id, Risk risk) {
        RuleMeta meta = new RuleMeta(id, id, risk, List.of(Category.RELIABILITY), List.of(), "DynamoDB",
                DynamoDbTable.class, Set.of(DynamoDbTable.class), null);
        return new RuleDefinition(meta, (inventory, findings) -> {
            evaluated.add(id);
            inventory.all(DynamoDbTable.class).forEach(t -> findings.pass(t, "ok"));
        });
    }
}
