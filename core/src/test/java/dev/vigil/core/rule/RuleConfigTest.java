package dev.vigil.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.Engine;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleConfigTest {

    record Volume(Origin origin, String id, String name, long retentionDays, Map<String, String> tags)
            implements Resource {
    }

    /** Fails volumes kept for less than its setting; names the other settings in its message. */
    @RuleInfo(id = "Test-001", title = "Retention", risk = Risk.MEDIUM, categories = Category.RELIABILITY,
            service = "Test", resource = Volume.class, settings = {
            @RuleSetting(name = "minimumRetentionPeriod", label = "Minimum retention (days)",
                    type = Setting.Type.INTEGER, value = "7", min = 1, max = 35),
            @RuleSetting(name = "schedule", label = "Schedule", type = Setting.Type.STRING, value = "daily"),
            @RuleSetting(name = "allowedKeys", label = "Keys", type = Setting.Type.STRINGS, value = "a, b")})
    static final class Retention implements Rule {
        @Override
        public void evaluate(Inventory inventory, Findings findings) {
            long minimum = findings.integer("minimumRetentionPeriod");
            String note = findings.string("schedule") + " " + findings.strings("allowedKeys");
            for (Volume v : inventory.all(Volume.class)) {
                if (v.retentionDays() >= minimum) {
                    findings.pass(v, "kept " + v.retentionDays() + " >= " + minimum + " " + note);
                } else {
                    findings.fail(v, "kept " + v.retentionDays() + " < " + minimum + " " + note, null);
                }
            }
        }
    }

    private static final Catalog CATALOG = new Catalog(List.of(RuleDefinition.of(new Retention())));

    private static List<Check> run(List<RuleDefinition> rules, Volume... volumes) {
        Inventory inventory = new Inventory();
        for (Volume v : volumes) {
            inventory.add(v);
        }
        return Engine.evaluate("1", rules, inventory).checkList();
    }

    private static Volume volume(String name, long days, Map<String, String> tags) {
        return new Volume(new Origin.Live("1", "us-east-1"), "arn:aws:ec2:us-east-1:1:volume/" + name, name, days, tags);
    }

    @Test
    void settingsAreTypedWithTheirDefaults() {
        RuleMeta meta = CATALOG.find("Test-001").meta();
        assertThat(meta.settings()).extracting(Setting::name, Setting::defaultValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("minimumRetentionPeriod", 7L),
                org.assertj.core.groups.Tuple.tuple("schedule", "daily"),
                org.assertj.core.groups.Tuple.tuple("allowedKeys", List.of("a", "b")));
        assertThat(meta.settings().getFirst().describeType()).isEqualTo("integer 1..35");
        assertThat(meta.settings().getFirst().type().conformityName()).isEqualTo("single-number-value");
        assertThat(run(CATALOG.all(), volume("v1", 7, Map.of()))).extracting(Check::status, Check::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Status.SUCCESS, "kept 7 >= 7 daily [a, b]"));
    }

    @Test
    void aConfigurationOverridesSettingsAndRisk() {
        RuleConfig config = new RuleConfig(true, Risk.VERY_HIGH, Map.of("minimumRetentionPeriod", "14"),
                RuleConfig.Exceptions.NONE);
        List<Check> checks = run(CATALOG.configure(Map.of("test-001", config)), volume("v1", 7, Map.of()));
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.FAILURE);
            assertThat(c.message()).startsWith("kept 7 < 14");
            assertThat(c.rule().risk()).isEqualTo(Risk.VERY_HIGH);
        });
    }

    @Test
    void aDisabledRuleDoesNotRun() {
        assertThat(CATALOG.configure(Map.of("Test-001", new RuleConfig(false, null, Map.of(),
                RuleConfig.Exceptions.NONE)))).isEmpty();
    }

    @Test
    void badSettingsNameTheRuleTheSettingAndWhatIsExpected() {
        assertThatThrownBy(() -> CATALOG.configure(Map.of("Test-001", RuleConfig.DEFAULT.withSetting("minimum", "3"))))
                .hasMessage("Test-001 has no setting 'minimum'; its settings: minimumRetentionPeriod, schedule, allowedKeys");
        assertThatThrownBy(() -> CATALOG.configure(Map.of("Test-001",
                RuleConfig.DEFAULT.withSetting("minimumRetentionPeriod", "two weeks"))))
                .hasMessage("Test-001.minimumRetentionPeriod must be a whole number, not 'two weeks'");
        assertThatThrownBy(() -> CATALOG.configure(Map.of("Test-001",
                RuleConfig.DEFAULT.withSetting("minimumRetentionPeriod", "36"))))
                .hasMessage("Test-001.minimumRetentionPeriod must be between 1 and 35, not 36");
        assertThatThrownBy(() -> CATALOG.configure(Map.of("Nope-001", RuleConfig.DEFAULT)))
                .hasMessageContaining("unknown rule ID 'Nope-001'");
    }

    @Test
    void exceptionsMarkTheirResourcesSuppressedWithTheMatchingException() {
        RuleConfig config = new RuleConfig(true, null, Map.of(), new RuleConfig.Exceptions(
                List.of("arn:aws:ec2:*:*:volume/tmp-*"), List.of("env::dev", "owner::*")));
        List<Check> checks = run(CATALOG.configure(Map.of("Test-001", config)),
                volume("tmp-1", 1, Map.of()), volume("dev-1", 1, Map.of("env", "dev")),
                volume("owned", 1, Map.of("owner", "ann")), volume("prod-1", 1, Map.of("env", "prod")));
        assertThat(checks).extracting(Check::resourceName, Check::suppression).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("tmp-1", "rule exception: resource arn:aws:ec2:*:*:volume/tmp-*"),
                org.assertj.core.groups.Tuple.tuple("dev-1", "rule exception: tag env::dev"),
                org.assertj.core.groups.Tuple.tuple("owned", "rule exception: tag owner::*"),
                org.assertj.core.groups.Tuple.tuple("prod-1", null));
        assertThat(checks).allMatch(c -> c.status() == Status.FAILURE);
    }

    @Test
    void exceptionTagsMustBeWrittenKeyColonColonValue() {
        assertThatThrownBy(() -> new RuleConfig.Exceptions(List.of(), List.of("env=dev")))
                .hasMessage("exception tag 'env=dev' must be written key::value");
    }
}
