package dev.vigil.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final Unknown BUCKET = new Unknown(new Range(new SourcePos("vars", 1, 1), "var.bucket"),
            "no value given");

    private static final EvalContext CONTEXT = EvalContext.empty()
            .withVariable("var", new ObjectValue(Map.of(
                    "env", Value.of("prod"),
                    "names", new ListValue(List.of(Value.of("a"), Value.of("b"), Value.of("c"))),
                    "tags", new ObjectValue(Map.of("Owner", Value.of("ops"), "Team", Value.of("data"))),
                    "bucket", BUCKET,
                    "nums", new ListValue(List.of(Value.of(3), Value.of(9), Value.of(4))),
                    "flag", Value.of(true),
                    "nothing", NullValue.INSTANCE)));

    private static Value eval(String expression) {
        return CONTEXT.evaluate(HclParser.parseExpression("test.tf", expression));
    }

    private static ListValue list(Object... items) {
        return new ListValue(java.util.Arrays.stream(items).map(EvaluatorTest::value).toList());
    }

    private static Value value(Object o) {
        return switch (o) {
            case String s -> Value.of(s);
            case Integer i -> Value.of(i);
            case Boolean b -> Value.of(b);
            case Value v -> v;
            default -> throw new IllegalArgumentException(o.toString());
        };
    }

    private static Unknown unknown(String expression) {
        Value v = eval(expression);
        assertThat(v).isInstanceOf(Unknown.class);
        return (Unknown) v;
    }

    @Test
    void arithmeticComparisonAndLogic() {
        assertThat(eval("1 + 2 * 3 - 4 / 2")).isEqualTo(Value.of(5));
        assertThat(eval("7 % 3")).isEqualTo(Value.of(1));
        assertThat(eval("10 / 4")).isEqualTo(new NumberValue(new java.math.BigDecimal("2.5")));
        assertThat(eval("-(2 + 3)")).isEqualTo(Value.of(-5));
        assertThat(eval("\"3\" + 4")).isEqualTo(Value.of(7));
        assertThat(eval("1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 4")).isEqualTo(BoolValue.FALSE);
        assertThat(eval("!false || false")).isEqualTo(BoolValue.TRUE);
        assertThat(eval("1 == 1.0")).isEqualTo(BoolValue.TRUE);
        assertThat(eval("1 == \"1\"")).isEqualTo(BoolValue.FALSE);
        assertThat(eval("[1, \"a\"] == [1, \"a\"]")).isEqualTo(BoolValue.TRUE);
        assertThat(eval("{a = 1} != {a = 2}")).isEqualTo(BoolValue.TRUE);
    }

    @Test
    void traversalsSplatsAndCollections() {
        assertThat(eval("var.names[1]")).isEqualTo(Value.of("b"));
        assertThat(eval("var.names.2")).isEqualTo(Value.of("c"));
        assertThat(eval("var.tags[\"Owner\"]")).isEqualTo(Value.of("ops"));
        assertThat(eval("[{id = 1}, {id = 2}][*].id")).isEqualTo(list(1, 2));
        assertThat(eval("[{id = 1}, {id = 2}].*.id")).isEqualTo(list(1, 2));
        assertThat(eval("var.nothing[*]")).isEqualTo(list());
        assertThat(eval("{a = {b = 1}}[*].a.b")).isEqualTo(list(1));
        assertThat(eval("{ (var.env) = 1, \"k-${var.env}\" : 2 }"))
                .isEqualTo(new ObjectValue(Map.of("prod", Value.of(1), "k-prod", Value.of(2))));
    }

    @Test
    void templates() {
        assertThat(eval("\"${var.env}-${1 + 1}-${true}\"")).isEqualTo(Value.of("prod-2-true"));
        assertThat(eval("\"%{if var.flag}on%{else}off%{endif}\"")).isEqualTo(Value.of("on"));
        assertThat(eval("\"%{for n in var.names}<${n}>%{endfor}\"")).isEqualTo(Value.of("<a><b><c>"));
        assertThat(eval("\"%{for i, n in var.names}${i}${n} %{endfor}\"")).isEqualTo(Value.of("0a 1b 2c "));
        assertThat(eval("\"a  ${~ var.env ~}  b\"")).isEqualTo(Value.of("aprodb"));
        assertThat(eval("\"${var.names}\"")).isEqualTo(eval("var.names"));
        assertThat(unknown("\"x-${var.nothing}\"").reason()).isEqualTo("cannot interpolate a null value");
        // the specification's own examples
        assertThat(eval("\"hello ${~ \"world\" }\"")).isEqualTo(Value.of("helloworld"));
        assertThat(eval("\"%{ if true ~} hello %{~ endif }\"")).isEqualTo(Value.of("hello"));
        assertThat(eval("\"${\"hello\" ~}${\" world\"}\"")).isEqualTo(Value.of("hello world"));
        assertThat(eval("\"${true}\"")).isEqualTo(BoolValue.TRUE);
        assertThat(eval("\"${\"${true}\"}\"")).isEqualTo(BoolValue.TRUE);
        assertThat(eval("\"${\"\"}${true}\"")).isEqualTo(Value.of("true"));
        assertThat(eval("\"%{ for v in [true] }${v}%{ endfor }\"")).isEqualTo(Value.of("true"));
        assertThat(eval("\"%{if false}x%{endif}\"")).isEqualTo(Value.of(""));
    }

    @Test
    void newlinesInsideInterpolationsAndParentheses() {
        String multiLine = "\"pre-${\n  var.env == \"dev\" ? \"d\" :\n  var.env == \"prod\" ? \"p\" : \"\"\n}\"";
        assertThat(eval(multiLine)).isEqualTo(Value.of("pre-p"));
        assertThat(eval("(\n  length(var.names) > 0\n  ? var.names[0]\n  : \"\"\n)")).isEqualTo(Value.of("a"));
    }

    @Test
    void heredocTemplatesWithDirectivesAndStripMarkers() {
        String heredoc = "<<-EOT\n  ARNs:\n  %{ for t in var.names ~}\n  - ${t}\n  %{ endfor ~}\nEOT\n";
        assertThat(eval(heredoc)).isEqualTo(Value.of("ARNs:\n- a\n- b\n- c\n"));
        assertThat(eval("<<EOT\nliteral $${not} %%{not}\\n\nEOT\n")).isEqualTo(Value.of("literal ${not} %{not}\\n\n"));
    }

    @Test
    void forExpressions() {
        assertThat(eval("[for n in var.names : upper(n) if n != \"b\"]")).isEqualTo(list("A", "C"));
        assertThat(eval("[for i, n in var.names : i]")).isEqualTo(list(0, 1, 2));
        assertThat(eval("{for k, v in var.tags : lower(k) => v}"))
                .isEqualTo(new ObjectValue(Map.of("owner", Value.of("ops"), "team", Value.of("data"))));
        assertThat(eval("{for n in [\"a\", \"bb\", \"cc\"] : length(n) => n...}"))
                .isEqualTo(new ObjectValue(Map.of("1", list("a"), "2", list("bb", "cc"))));
        assertThat(unknown("{for n in [\"a\", \"a\"] : n => n}").reason()).startsWith("duplicate key \"a\"");
    }

    @Test
    void conditionals() {
        assertThat(eval("var.flag ? \"y\" : \"n\"")).isEqualTo(Value.of("y"));
        assertThat(eval("var.bucket == \"x\" ? \"same\" : \"same\"")).isEqualTo(Value.of("same"));
        Unknown u = unknown("var.bucket == \"x\" ? 1 : 2");
        assertThat(u.expression()).isEqualTo("var.bucket");
        assertThat(u.reason()).isEqualTo("no value given");
        assertThat(unknown("var.bucket != \"\" ? var.names[7] : \"none\"").expression()).isEqualTo("var.bucket");
    }

    @Test
    void unknownsPropagateAndNameTheBlocker() {
        assertThat(unknown("var.bucket").expression()).isEqualTo("var.bucket");
        assertThat(unknown("\"arn:aws:s3:::${var.bucket}/*\"").expression()).isEqualTo("var.bucket");
        assertThat(unknown("upper(var.bucket)").expression()).isEqualTo("var.bucket");
        assertThat(unknown("length(var.bucket) + 1").expression()).isEqualTo("var.bucket");
        assertThat(unknown("[for x in var.bucket : x]").expression()).isEqualTo("var.bucket");
        assertThat(unknown("join(\",\", [\"a\", var.bucket])").expression()).isEqualTo("var.bucket");
        assertThat(eval("length([\"a\", var.bucket])")).isEqualTo(Value.of(2));
        assertThat(eval("[1, var.bucket]")).isEqualTo(list(1, BUCKET));
        assertThat(eval("false && var.bucket")).isEqualTo(BoolValue.FALSE);
        assertThat(eval("var.bucket || true")).isEqualTo(BoolValue.TRUE);
        assertThat(unknown("file(\"x.txt\")").reason()).contains("reads files");
        assertThat(unknown("file(\"x.txt\")").expression()).isEqualTo("file(\"x.txt\")");
        assertThat(unknown("frobnicate(1)").reason())
                .isEqualTo("function frobnicate() is not evaluated by the static scanner");
        assertThat(unknown("timestamp()").expression()).isEqualTo("timestamp()");
        assertThat(unknown("var.missing").reason()).isEqualTo("unsupported attribute 'missing'");
        assertThat(unknown("var.names[5]").expression()).isEqualTo("var.names[5]");
        assertThat(unknown("1 + \"x\"").expression()).isEqualTo("\"x\"");
    }

    @Test
    void unresolvedRootsGoToTheResolver() {
        Value v = CONTEXT.evaluate(HclParser.parseExpression("t.tf", "aws_db_instance.main[0].arn"));
        assertThat(((Unknown) v).reason()).isEqualTo("unknown variable 'aws_db_instance'");
        EvalContext recording = CONTEXT.withResolver((root, steps, range) ->
                Value.of(root + steps.stream().map(TraversalStep::toString).reduce("", String::concat)));
        assertThat(recording.evaluate(HclParser.parseExpression("t.tf", "aws_db_instance.main[0].arn")))
                .isEqualTo(Value.of("aws_db_instance.main[0].arn"));
        assertThat(recording.evaluate(HclParser.parseExpression("t.tf", "aws_x.y[\"k\"].id")))
                .isEqualTo(Value.of("aws_x.y[\"k\"].id"));
        assertThat(recording.evaluate(HclParser.parseExpression("t.tf", "aws_x.y[var.bucket].id")))
                .isEqualTo(Value.of("aws_x.y[var.bucket].id"));
        assertThat(recording.evaluate(HclParser.parseExpression("t.tf", "aws_x.y[\"a\\\"b\"].id")))
                .isEqualTo(Value.of("aws_x.y[\"a\\\"b\"].id"));
    }

    @Test
    void collectionFunctions() {
        assertThat(eval("length(\"héllo\")")).isEqualTo(Value.of(5));
        assertThat(eval("length({a = 1})")).isEqualTo(Value.of(1));
        assertThat(eval("lookup(var.tags, \"Team\")")).isEqualTo(Value.of("data"));
        assertThat(eval("lookup(var.tags, \"Nope\", \"dflt\")")).isEqualTo(Value.of("dflt"));
        assertThat(eval("merge({a = 1, b = 2}, null, {b = 3})")).isEqualTo(new ObjectValue(Map.of("a", Value.of(1),
                "b", Value.of(3))));
        assertThat(eval("concat([1], [2, 3])")).isEqualTo(list(1, 2, 3));
        assertThat(eval("contains(var.names, \"b\")")).isEqualTo(BoolValue.TRUE);
        assertThat(eval("contains(var.names, \"z\")")).isEqualTo(BoolValue.FALSE);
        assertThat(eval("contains([\"a\", var.bucket], \"a\")")).isEqualTo(BoolValue.TRUE);
        assertThat(unknown("contains([\"a\", var.bucket], \"z\")").expression()).isEqualTo("var.bucket");
        assertThat(eval("keys(var.tags)")).isEqualTo(list("Owner", "Team"));
        assertThat(eval("values(var.tags)")).isEqualTo(list("ops", "data"));
        assertThat(eval("element(var.names, 4)")).isEqualTo(Value.of("b"));
        assertThat(eval("flatten([[1, [2]], [], 3])")).isEqualTo(list(1, 2, 3));
        assertThat(eval("distinct([1, 2, 1, 3])")).isEqualTo(list(1, 2, 3));
        assertThat(eval("coalesce(null, \"\", \"x\")")).isEqualTo(Value.of("x"));
        assertThat(eval("coalescelist([], [1])")).isEqualTo(list(1));
        assertThat(eval("compact([\"a\", \"\", null, \"b\"])")).isEqualTo(list("a", "b"));
        assertThat(eval("range(3)")).isEqualTo(list(0, 1, 2));
        assertThat(eval("range(1, 7, 2)")).isEqualTo(list(1, 3, 5));
        assertThat(eval("range(3, 0)")).isEqualTo(list(3, 2, 1));
        assertThat(unknown("range(100000)").reason()).isEqualTo("range(): would produce more than 1024 elements");
        assertThat(eval("zipmap([\"a\", \"b\"], [1, 2])")).isEqualTo(new ObjectValue(Map.of("a", Value.of(1), "b",
                Value.of(2))));
        assertThat(eval("one([])")).isEqualTo(NullValue.INSTANCE);
        assertThat(eval("one([5])")).isEqualTo(Value.of(5));
        assertThat(eval("sort([\"b\", \"c\", \"a\"])")).isEqualTo(list("a", "b", "c"));
        assertThat(eval("max(var.nums...)")).isEqualTo(Value.of(9));
        assertThat(eval("min(3, 1, 2)")).isEqualTo(Value.of(1));
        assertThat(eval("abs(-4)")).isEqualTo(Value.of(4));
    }

    @Test
    void stringFunctions() {
        assertThat(eval("format(\"%s-%03d-%.2f-%q-%v-%t\", \"a\", 7, 1.5, \"q\", 2, true)"))
                .isEqualTo(Value.of("a-007-1.50-\"q\"-2-true"));
        assertThat(eval("format(\"%-4s|\", \"ab\")")).isEqualTo(Value.of("ab  |"));
        assertThat(eval("join(\"-\", var.names)")).isEqualTo(Value.of("a-b-c"));
        assertThat(eval("split(\",\", \"a,b,,c\")")).isEqualTo(list("a", "b", "", "c"));
        assertThat(eval("lower(\"AbC\")")).isEqualTo(Value.of("abc"));
        assertThat(eval("upper(\"AbC\")")).isEqualTo(Value.of("ABC"));
        assertThat(eval("replace(\"a-b-c\", \"-\", \"_\")")).isEqualTo(Value.of("a_b_c"));
        assertThat(eval("replace(\"a1b22c\", \"/[0-9]+/\", \"#\")")).isEqualTo(Value.of("a#b#c"));
        assertThat(unknown("replace(\"" + "a".repeat(50) + "\", \"/(.*){20}x/\", \"y\")").reason())
                .contains("too expensive");
        assertThat(eval("trimspace(\"  x \\n\")")).isEqualTo(Value.of("x"));
        assertThat(eval("substr(\"hello\", 1, 3)")).isEqualTo(Value.of("ell"));
        assertThat(eval("substr(\"hello\", -3, -1)")).isEqualTo(Value.of("llo"));
        assertThat(eval("startswith(\"arn:aws\", \"arn:\")")).isEqualTo(BoolValue.TRUE);
        assertThat(eval("endswith(\"arn:aws\", \"gcp\")")).isEqualTo(BoolValue.FALSE);
    }

    @Test
    void moreFunctionsConfigurationsUse() {
        assertThat(eval("regex(\"^arn:aws:([a-z0-9-]+):\", \"arn:aws:rds:eu-west-1\")")).isEqualTo(list("rds"));
        assertThat(eval("regex(\"[0-9]+\", \"abc123def\")")).isEqualTo(Value.of("123"));
        assertThat(eval("regex(\"(?P<svc>[a-z]+):(?P<region>[a-z0-9-]+)\", \"rds:eu-west-1\")"))
                .isEqualTo(new ObjectValue(Map.of("svc", Value.of("rds"), "region", Value.of("eu-west-1"))));
        assertThat(eval("regexall(\"[0-9]\", \"a1b2\")")).isEqualTo(list("1", "2"));
        assertThat(eval("can(regex(\"^x\", \"abc\"))")).isEqualTo(BoolValue.FALSE);
        assertThat(eval("formatlist(\"%s-%s\", [\"a\", \"b\"], \"x\")")).isEqualTo(list("a-x", "b-x"));
        assertThat(eval("trim(\"?!hello?!\", \"!?\")")).isEqualTo(Value.of("hello"));
        assertThat(eval("strrev(\"abc\")")).isEqualTo(Value.of("cba"));
        assertThat(eval("chunklist([1, 2, 3], 2)")).isEqualTo(list(list(1, 2), list(3)));
        assertThat(eval("setunion([\"b\"], [\"a\", \"b\"])")).isEqualTo(new SetValue(List.of(Value.of("a"),
                Value.of("b"))));
        assertThat(eval("setintersection([\"a\", \"b\"], [\"b\", \"c\"])"))
                .isEqualTo(new SetValue(List.of(Value.of("b"))));
        assertThat(eval("setsubtract([\"a\", \"b\"], [\"b\"])")).isEqualTo(new SetValue(List.of(Value.of("a"))));
        assertThat(eval("pow(2, 10)")).isEqualTo(Value.of(1024));
        assertThat(eval("signum(-3)")).isEqualTo(Value.of(-1));
        assertThat(eval("parseint(\"ff\", 16)")).isEqualTo(Value.of(255));
        assertThat(eval("sha256(\"abc\")"))
                .isEqualTo(Value.of("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(eval("md5(\"\")")).isEqualTo(Value.of("d41d8cd98f00b204e9800998ecf8427e"));
        assertThat(eval("base64sha256(\"\")")).isEqualTo(Value.of("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));
        assertThat(eval("nonsensitive(sensitive(\"s\"))")).isEqualTo(Value.of("s"));
    }

    @Test
    void conversionsTryAndCan() {
        assertThat(eval("toset([\"b\", \"a\", \"b\"])")).isEqualTo(new SetValue(List.of(Value.of("a"), Value.of("b"))));
        assertThat(eval("tolist(toset([\"b\", \"a\"]))")).isEqualTo(list("a", "b"));
        assertThat(eval("tomap({a = 1})")).isEqualTo(new ObjectValue(Map.of("a", Value.of(1))));
        assertThat(eval("tostring(5)")).isEqualTo(Value.of("5"));
        assertThat(eval("tonumber(\"2.50\")")).isEqualTo(new NumberValue(new java.math.BigDecimal("2.5")));
        assertThat(eval("tobool(\"true\")")).isEqualTo(BoolValue.TRUE);
        assertThat(eval("try(var.missing, var.tags.Nope, \"fallback\")")).isEqualTo(Value.of("fallback"));
        assertThat(eval("try(var.env, \"fallback\")")).isEqualTo(Value.of("prod"));
        assertThat(eval("can(var.missing)")).isEqualTo(BoolValue.FALSE);
        assertThat(eval("can(var.env)")).isEqualTo(BoolValue.TRUE);
        assertThat(unknown("try(var.bucket, \"x\")").expression()).isEqualTo("var.bucket");
        assertThat(eval("jsonencode({b = [1, true, null], a = \"<x>\"})"))
                .isEqualTo(Value.of("{\"a\":\"\\u003cx\\u003e\",\"b\":[1,true,null]}"));
        assertThat(eval("jsondecode(\"{\\\"k\\\": [1, 2.5, \\\"s\\\"]}\")"))
                .isEqualTo(new ObjectValue(Map.of("k", list(1, new NumberValue(new java.math.BigDecimal("2.5")),
                        "s"))));
        assertThat(unknown("jsonencode([var.bucket])").expression()).isEqualTo("var.bucket");
    }

    @Test
    void evaluationIsBounded() {
        EvalContext tiny = CONTEXT.withBudget(new Budget(50));
        Value v = tiny.evaluate(HclParser.parseExpression("t.tf",
                "[for i in range(1000) : [for j in range(1000) : i * j]]"));
        assertThat(((Unknown) v).reason()).isEqualTo("evaluation step budget exhausted");
        assertThat(unknown("1 / 0").reason()).isEqualTo("division by zero");
        assertThat(unknown("format(\"%99999999d\", 1)").reason()).contains("width or precision");
        assertThat(unknown("[for i in range(1000) : range(1000)]").reason())
                .isEqualTo("value larger than 1000000 elements");
        EvalContext large = CONTEXT.withVariable("many", new ListValue(java.util.Collections.nCopies(3,
                CONTEXT.evaluate(HclParser.parseExpression("t", "[for i in range(1000) : range(400)]")))));
        assertThat(large.evaluate(HclParser.parseExpression("t", "many[2][999][399]"))).isEqualTo(Value.of(399));
        assertThat(((Unknown) large.evaluate(HclParser.parseExpression("t", "length(many)"))).reason())
                .isEqualTo("arguments larger than 1000000 elements");
        String big = "join(\"\", [for i in range(1024) : \"0123456789\"])";
        assertThat(unknown("replace(" + big + ", \"0\", " + big + ")").reason())
                .isEqualTo("replace(): result longer than 4194304 characters");
        assertThat(unknown("replace(" + big + ", \"/0/\", " + big + ")").reason())
                .isEqualTo("replace(): result longer than 4194304 characters");
        String million = "replace(" + big + ", \"0123456789\", format(\"%1000s\", \"\"))";
        assertThat(unknown("jsonencode([" + String.join(", ", java.util.Collections.nCopies(5, million)) + "])")
                .reason())
                .isEqualTo("jsonencode(): result longer than 4194304 characters");
    }
}
