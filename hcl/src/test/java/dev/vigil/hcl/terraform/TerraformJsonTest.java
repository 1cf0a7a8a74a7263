package dev.vigil.hcl.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.hcl.BoolValue;
import dev.vigil.hcl.HclParseException;
import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.StringValue;
import dev.vigil.hcl.Unknown;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerraformJsonTest {
    private static final String NOISE = "{}[]\",:${%~ \n\\";

    private static TerraformConfiguration load() throws IOException, URISyntaxException {
        return TerraformLoader.load(Path.of(TerraformJsonTest.class.getResource("/terraform/json").toURI()));
    }

    @Test
    void jsonResourcesAreEvaluatedLikeNativeOnes() throws Exception {
        TerraformConfiguration config = load();
        assertThat(config.resources()).extracting(ResourceInstance::address).containsExactly(
                "aws_dynamodb_table.orders[0]", "aws_dynamodb_table.orders[1]", "module.child.aws_backup_selection.s");
        ResourceInstance orders = config.resource("aws_dynamodb_table.orders[1]").orElseThrow();
        assertThat(orders.file()).isEqualTo("main.tf.json");
        assertThat(orders.line()).isEqualTo(9);
        assertThat(orders.attribute("name")).contains(new StringValue("app-dev-orders-1"));
        assertThat(orders.attribute("tags")).contains(new ObjectValue(Map.of(
                "Env", new StringValue("dev"), "Zones", new StringValue("a,b"))));
        assertThat(orders.body().block("point_in_time_recovery").orElseThrow().attribute("enabled"))
                .contains(BoolValue.TRUE);
        assertThat(orders.body().blocks("attribute")).extracting(b -> b.attribute("name").orElseThrow())
                .containsExactly(new StringValue("id"), new StringValue("sk"));
        assertThat(orders.body().blocks("replica")).extracting(b -> b.attribute("region_name").orElseThrow())
                .containsExactly(new StringValue("eu-west-1a"), new StringValue("eu-west-1b"));
        assertThat(orders.body().block("lifecycle").orElseThrow().attribute("prevent_destroy"))
                .contains(BoolValue.TRUE);
        assertThat(orders.body().attributes()).doesNotContainKeys("count", "depends_on", "//");
        assertThat(orders.skips()).containsExactly(new SkipDirective("DynamoDB-003", "backed up by the central plan",
                9));
    }

    @Test
    void jsonModulesAndOutputsKeepReferences() throws Exception {
        TerraformConfiguration config = load();
        Unknown name = (Unknown) config.resource("module.child.aws_backup_selection.s").orElseThrow().attribute("name")
                .orElseThrow();
        assertThat(name.references().getFirst().address()).isEqualTo("aws_dynamodb_table.orders[0]");
        assertThat(name.references().getFirst().attributePath()).containsExactly("name");
        Unknown arn = (Unknown) config.outputs().get("arn");
        assertThat(arn.expression()).isEqualTo("aws_dynamodb_table.orders[0].arn");
        assertThat(arn.pos().line()).isEqualTo(30);
    }

    @Test
    void mutatedJsonParsesOrFailsWithALocation() throws Exception {
        String source = java.nio.file.Files.readString(
                Path.of(TerraformJsonTest.class.getResource("/terraform/json/main.tf.json").toURI()));
        java.util.Random random = new java.util.Random(42L);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder(source);
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    default -> s.insert(at, s.charAt(random.nextInt(s.length())));
                }
            }
            try {
                TerraformJson.parse("fuzz.tf.json", s.toString());
            } catch (HclParseException e) {
                assertThat(e.line()).isPositive();
            }
        }
    }

    @Test
    void invalidJsonIsALocatedParseError() {
        assertThatThrownBy(() -> TerraformJson.parse("x.tf.json", "{\n  \"resource\": [1,\n}"))
                .isInstanceOf(HclParseException.class)
                .hasMessage("x.tf.json:3:1: unexpected character ('}' (code 125)): expected a value");
        assertThatThrownBy(() -> TerraformJson.parse("x.tf.json", "{\"resource\": {\"aws_x\": {\"y\": 5}}}"))
                .hasMessage("x.tf.json:1:30: expected a JSON object, found 5");
    }
}
