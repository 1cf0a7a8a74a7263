package dev.vigil.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.check.Check;
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

    private RuleDefinition rule(String id, Risk risk) {
        RuleMeta meta = new RuleMeta(id, id, risk, List.of(Category.RELIABILITY), List.of(), "DynamoDB",
                DynamoDbTable.class, Set.of(DynamoDbTable.class), null);
        return new RuleDefinition(meta, (inventory, findings) -> {
            evaluated.add(id);
            inventory.all(DynamoDbTable.class).forEach(t -> findings.pass(t, "ok"));
        });
    }
}
