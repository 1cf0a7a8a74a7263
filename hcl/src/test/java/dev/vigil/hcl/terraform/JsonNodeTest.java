package dev.vigil.hcl.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.vigil.hcl.HclParseException;
import dev.vigil.hcl.HclParser;
import dev.vigil.hcl.SourcePos;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonNodeTest {

    private static SourcePos at(int line, int column) {
        return new SourcePos("f.tf.json", line, column);
    }

    private static JsonNode parse(String source) {
        return JsonNode.parse("f.tf.json", source);
    }

    @Test
    void everyNodeKeepsItsPositionAndExactSourceText() {
        JsonNode.JsonObject root = (JsonNode.JsonObject) parse(
                "{\n  \"a\\u0041\": [1.50, -2e3, \"x\\\"y\"],\r\n\t\"b\" : {\"c\": true, \"c\": null},\"d\":false }\n");
        assertThat(root.pos()).isEqualTo(at(1, 1));
        assertThat(root.text()).endsWith("\"d\":false }").startsWith("{\n");
        assertThat(root.members()).extracting(JsonNode.Member::key).containsExactly("aA", "b", "d");
        assertThat(root.members()).extracting(JsonNode.Member::keyPos).containsExactly(at(2, 3), at(3, 2),
                at(3, 31));
        JsonNode.JsonArray array = (JsonNode.JsonArray) root.members().getFirst().value();
        assertThat(array).isEqualTo(new JsonNode.JsonArray(java.util.List.of(
                new JsonNode.JsonNumber(new BigDecimal("1.50"), at(2, 15), "1.50"),
                new JsonNode.JsonNumber(new BigDecimal("-2e3"), at(2, 21), "-2e3"),
                new JsonNode.JsonString("x\"y", at(2, 27), "\"x\\\"y\"")),
                at(2, 14), "[1.50, -2e3, \"x\\\"y\"]"));
        JsonNode.JsonObject b = (JsonNode.JsonObject) root.members().get(1).value();
        assertThat(b.pos()).isEqualTo(at(3, 8));
        assertThat(b.text()).isEqualTo("{\"c\": true, \"c\": null}");
        assertThat(b.members()).extracting(m -> m.value().text()).containsExactly("true", "null");
        assertThat(root.members().get(2).value()).isEqualTo(new JsonNode.JsonBool(false, at(3, 35), "false"));
        assertThat(parse(" \"s\" ")).isEqualTo(new JsonNode.JsonString("s", at(1, 2), "\"s\""));
        assertThat(parse("7")).isEqualTo(new JsonNode.JsonNumber(new BigDecimal("7"), at(1, 1), "7"));
    }

    @Test
    void linesCountNewlinesOnlyLikeTheHclLexer() {
        JsonNode.JsonObject root = (JsonNode.JsonObject) parse("{\"a\": 1,\r\"b\": 2}");
        assertThat(root.members().get(1).keyPos()).isEqualTo(at(1, 10));
    }

    @Test
    void errorsAreLocatedOneLineCauses() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(HclParseException.class)
                .hasMessage("f.tf.json:1:1: expected a JSON value, found end of input");
        assertThatThrownBy(() -> parse("{}\n{}"))
                .hasMessage("f.tf.json:2:1: unexpected characters after the JSON value");
        assertThatThrownBy(() -> parse("{\"a\": 1"))
                .hasMessage("f.tf.json:1:8: unexpected end-of-input: expected close marker for Object (start marker"
                        + " at line: 1, column: 1)");
        assertThatThrownBy(() -> parse("{\"a\": \"b\nc\"}"))
                .hasMessage("f.tf.json:1:9: illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped"
                        + " using backslash to be included in string value");
        assertThatThrownBy(() -> parse("{\"a\": [1e99999]}"))
                .hasMessage("f.tf.json:1:8: number 1e99999 out of range");
        String deepest = "[".repeat(HclParser.MAX_DEPTH) + "]".repeat(HclParser.MAX_DEPTH);
        assertThat(parse(deepest)).isInstanceOf(JsonNode.JsonArray.class);
        assertThatThrownBy(() -> parse("{\"a\":\n" + deepest + "}"))
                .hasMessage("f.tf.json:2:256: document nesting depth (257) exceeds the maximum allowed (256)");
    }

    @Test
    void randomTextParsesOrFailsWithALocation() {
        String alphabet = "{}[]\":,. \n\r\t\\/0123456789-+eEtrufalsn\u00e9\u2028\ufeff\u0000\ud800";
        Random random = new Random(11L);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                parse(s.toString());
            } catch (HclParseException e) {
                assertThat(e.line()).isPositive();
                assertThat(e.column()).isPositive();
                assertThat(e.reason()).isNotBlank().doesNotContain("\n");
            } catch (RuntimeException e) {
                fail("threw " + e + " for " + s, e);
            }
        }
    }
}
