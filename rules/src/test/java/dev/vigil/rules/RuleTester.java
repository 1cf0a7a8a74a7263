package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.Engine;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleDefinition;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Fluent harness: build an inventory, run one rule through the engine, assert exact checks. */
public final class RuleTester {

    private final RuleDefinition rule;
    private final Inventory inventory = new Inventory();
    private ScanResult result;

    private RuleTester(Rule rule) {
        this.rule = RuleDefinition.of(rule);
    }

    public static RuleTester rule(Rule rule) {
        return new RuleTester(rule);
    }

    public RuleTester given(Resource... resources) {
        for (Resource r : resources) {
            inventory.add(r);
        }
        return this;
    }

    public RuleTester givenFault(Fault fault) {
        inventory.fault(fault);
        return this;
    }

    public RuleTester evaluate() {
        result = Engine.evaluate("123456789012", List.of(rule), inventory);
        return this;
    }

    public ScanResult result() {
        return result;
    }

    /** Asserts the exact set of (resource → status) pairs the rule reported. */
    public RuleTester statuses(Map<String, Status> expected) {
        assertThat(result.checks().stream().collect(Collectors.toMap(Check::resource, Check::status)))
                .containsExactlyInAnyOrderEntriesOf(expected);
        return this;
    }

    public Check check(String resource) {
        return result.checks().stream().filter(c -> c.resource().equals(resource)).findFirst()
                .orElseThrow(() -> new AssertionError("no check for " + resource + " in " + result.checks()));
    }

    public List<String> notes() {
        return result.notes().stream().map(n -> n.text()).toList();
    }
}
