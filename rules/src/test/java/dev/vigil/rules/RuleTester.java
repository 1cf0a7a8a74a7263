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
import dev.vigil.core.rule.RuleConfig;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.iac.cloudformation.CloudFormationLoader;
import dev.vigil.iac.cloudformation.CloudFormationOptions;
import dev.vigil.iac.terraform.TerraformScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fluent harness: build an inventory (by hand, or from a CloudFormation or Terraform fixture), run one rule
 * through the engine, assert exact checks.
 */
public final class RuleTester {

    private RuleDefinition rule;
    private final Inventory inventory = new Inventory();
    private ScanResult result;

    private RuleTester(Rule rule) {
        this.rule = RuleDefinition.of(rule);
    }

    public static RuleTester rule(Rule rule) {
        return new RuleTester(rule);
    }

    /** The rule with a setting changed, as {@code --setting RULE.NAME=VALUE} or an account's configuration does. */
    public RuleTester setting(String name, String value) {
        rule = rule.configure(RuleConfig.DEFAULT.withSetting(name, value));
        return this;
    }

    public RuleTester given(Resource... resources) {
        for (Resource r : resources) {
            inventory.add(r);
        }
        return this;
    }

    /**
     * Adds what the CloudFormation loader maps from {@code src/test/resources/cloudformation/FIXTURE}, faults
     * included; resources are named by logical ID and their origin's file is {@code FIXTURE}.
     */
    public RuleTester givenCloudFormation(String fixture) {
        return givenCloudFormation(fixture, Map.of());
    }

    /** As {@link #givenCloudFormation(String)}, with template parameter values. */
    public RuleTester givenCloudFormation(String fixture, Map<String, String> parameters) {
        String text;
        try (InputStream in = RuleTester.class.getResourceAsStream("/cloudformation/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture cloudformation/" + fixture);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CloudFormationLoader loader = new CloudFormationLoader(CloudFormationOptions.defaults().withParameters(parameters));
        inventory.addAll(loader.load(fixture, text).inventory());
        return this;
    }

    /**
     * Adds what the Terraform loader maps from the directory {@code src/test/resources/terraform/FIXTURE} (a root
     * module), faults included; resources are named by Terraform address.
     */
    public RuleTester givenTerraform(String fixture) {
        return givenTerraform(fixture, TerraformOptions.defaults());
    }

    /** As {@link #givenTerraform(String)}, with variable values or files. */
    public RuleTester givenTerraform(String fixture, TerraformOptions options) {
        URL url = RuleTester.class.getResource("/terraform/" + fixture);
        if (url == null) {
            throw new IllegalArgumentException("no fixture terraform/" + fixture);
        }
        try {
            inventory.addAll(new TerraformScanner(options).load(List.of(Path.of(url.toURI()))).inventory());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    public RuleTester givenFault(Fault fault) {
        inventory.fault(fault);
        return this;
    }

    public RuleTester evaluate() {
        result = Engine.evaluate("123456789012", List.of(rule), inventory);
        result.checkList(); // rule tests look at checks and notes in any order: evaluate now
        return this;
    }

    public ScanResult result() {
        return result;
    }

    /** Asserts the exact set of (resource → status) pairs the rule reported. */
    public RuleTester statuses(Map<String, Status> expected) {
        assertThat(result.checkList().stream().collect(Collectors.toMap(Check::resource, Check::status)))
                .containsExactlyInAnyOrderEntriesOf(expected);
        return this;
    }

    public Check check(String resource) {
        return result.checkList().stream().filter(c -> c.resource().equals(resource)).findFirst()
                .orElseThrow(() -> new AssertionError("no check for " + resource + " in " + result.checkList()));
    }

    public List<String> notes() {
        return result.notes().stream().map(n -> n.text()).toList();
    }
}
