package dev.vigil.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void encodingEscapesAsTerraformsJsonencode() {
        assertThat(Json.quote("a\"b\\c\n\r\t")).isEqualTo("\"a\\\"b\\\\c\\n\\r\\t\"");
        assertThat(Json.quote("<&>")).isEqualTo("\"\\u003c\\u0026\\u003e\"");
        assertThat(Json.quote("\b\f\u0001\u001f")).isEqualTo("\"\\u0008\\u000c\\u0001\\u001f\"");
        assertThat(Json.quote("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
        assertThat(Json.quote("/ \u007f \u00e9 \ud83d\ude00")).isEqualTo("\"/ \u007f \u00e9 \ud83d\ude00\"");
        assertThat(Json.encode(new ObjectValue(Map.of("<k>", new ListValue(List.of(Value.of(1),
                new NumberValue(new BigDecimal("2.50")), BoolValue.FALSE, NullValue.INSTANCE))))))
                .isEqualTo("{\"\\u003ck\\u003e\":[1,2.5,false,null]}");
    }

    @Test
    void encodingIsBoundedInDepth() {
        Value deep = Value.of("x");
        for (int i = 0; i < Evaluator.MAX_DEPTH + 1; i++) {
            deep = new ListValue(List.of(deep));
        }
        Value tooDeep = deep;
        assertThatThrownBy(() -> Json.encode(tooDeep)).isInstanceOf(EvalError.class)
                .hasMessage("cannot encode the value as JSON: document nesting depth (1025) exceeds the maximum"
                        + " allowed (1024)");
    }

    @Test
    void decodingKeepsNumbersExactAndTheLastDuplicateKey() {
        assertThat(Json.decode(" {\"b\": [1, -2.50, 1e3, \"\\u0041\\n\"], \"a\": true, \"a\": null} "))
                .isEqualTo(new ObjectValue(Map.of("a", NullValue.INSTANCE, "b", new ListValue(List.of(Value.of(1),
                        new NumberValue(new BigDecimal("-2.50")), new NumberValue(new BigDecimal("1E+3")),
                        Value.of("A\n"))))));
        assertThat(Json.decode("\"s\"")).isEqualTo(Value.of("s"));
    }

    @Test
    void decodingIsStrictJsonWithLocatedOneLineMessages() {
        assertThatThrownBy(() -> Json.decode("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid JSON at offset 0: expected a JSON value, found end of input");
        assertThatThrownBy(() -> Json.decode("1 2"))
                .hasMessage("invalid JSON at offset 2: unexpected characters after the JSON value");
        assertThatThrownBy(() -> Json.decode("[1,]"))
                .hasMessage("invalid JSON at offset 3: unexpected character (']' (code 93)): expected a valid value"
                        + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
        assertThatThrownBy(() -> Json.decode("{\"a\":1"))
                .hasMessage("invalid JSON at offset 6: unexpected end-of-input: expected close marker for Object"
                        + " (start marker at line: 1, column: 1)");
        assertThatThrownBy(() -> Json.decode("-"))
                .hasMessage("invalid JSON at offset 1: unexpected end-of-input: No digit following sign");
        assertThatThrownBy(() -> Json.decode("+1"))
                .hasMessage("invalid JSON at offset 1: unexpected character ('+' (code 43)) in numeric value: JSON"
                        + " spec does not allow numbers to have plus signs");
        assertThatThrownBy(() -> Json.decode("01")).hasMessageContaining("Leading zeroes not allowed");
        assertThatThrownBy(() -> Json.decode("\"a\tb\"")).hasMessageContaining("CTRL-CHAR, code 9");
    }

    @Test
    void decodingIsBounded() {
        String deepest = "[".repeat(HclParser.MAX_DEPTH) + "]".repeat(HclParser.MAX_DEPTH);
        assertThat(Json.decode(deepest)).isInstanceOf(ListValue.class);
        assertThatThrownBy(() -> Json.decode("[" + deepest + "]"))
                .hasMessage("invalid JSON at offset 256: document nesting depth (257) exceeds the maximum allowed"
                        + " (256)");
        assertThatThrownBy(() -> Json.decode("[0, 1e99999]"))
                .hasMessage("invalid JSON at offset 4: number 1e99999 out of range");
        assertThatThrownBy(() -> Json.decode("1e-9999999999"))
                .hasMessage("invalid JSON at offset 0: number 1e-9999999999 out of range");
        assertThatThrownBy(() -> Json.decode("1" + "0".repeat(10_000)))
                .hasMessage("invalid JSON at offset 0: number value length (10001) exceeds the maximum allowed"
                        + " (10000)");
    }
}
