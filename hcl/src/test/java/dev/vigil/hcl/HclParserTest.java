package dev.vigil.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HclParserTest {

    static String resource(String name) {
        try (InputStream in = HclParserTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HclFile allFeatures() {
        return HclParser.parse("all-features.tf", resource("syntax/all-features.tf"));
    }

    private static Expr local(String name) {
        return allFeatures().body().blocks("locals").getFirst().body().attributes().get(name).expr();
    }

    @Test
    void blocksAttributesAndLabelsHavePositions() {
        HclFile file = allFeatures();
        Block resource = file.body().blocks().getFirst();
        assertThat(resource.type()).isEqualTo("resource");
        assertThat(resource.labels()).containsExactly("aws_s3_bucket", "logs");
        assertThat(resource.pos()).isEqualTo(new SourcePos("all-features.tf", 5, 1));
        Attribute bucket = resource.body().attributes().get("bucket");
        assertThat(bucket.pos()).isEqualTo(new SourcePos("all-features.tf", 6, 3));
        assertThat(bucket.expr().text()).isEqualTo("\"logs-${var.env}\"");
        assertThat(bucket.expr().pos()).isEqualTo(new SourcePos("all-features.tf", 6, 12));
        Expr interpolation = ((Expr.Template) bucket.expr()).parts().get(1);
        assertThat(interpolation.pos()).isEqualTo(new SourcePos("all-features.tf", 6, 20));
        assertThat(resource.body().blocks()).extracting(Block::type).containsExactly("lifecycle", "empty");
        assertThat(resource.body().blocks("lifecycle").getFirst().body().attributes()).containsKey("prevent_destroy");
        Block bare = file.body().blocks().getLast();
        assertThat(bare.labels()).containsExactly("label1", "label2");
    }

    @Test
    void commentsAreCollectedWithLines() {
        assertThat(allFeatures().comments()).extracting(Comment::text, Comment::line, Comment::standalone)
                .containsExactly(
                        tuple("A file exercising every syntax feature.", 1, true),
                        tuple("line comment", 2, true),
                        tuple("block\n   comment", 3, true));
        HclFile trailing = HclParser.parse("t.tf", "a = 1 # after\n");
        assertThat(trailing.comments()).containsExactly(new Comment("after", 1, 7, false));
    }

    @Test
    void objectKeysBareQuotedAndParenthesised() {
        Expr.ObjectCons tags = (Expr.ObjectCons) allFeatures().body().blocks().getFirst().body().attributes()
                .get("tags").expr();
        assertThat(tags.items()).hasSize(3);
        assertThat(tags.items().get(0).key()).isEqualTo(new Expr.Literal(new StringValue("Name"),
                new Range(new SourcePos("all-features.tf", 9, 5), "Name")));
        assertThat(tags.items().get(1).key()).isInstanceOf(Expr.Template.class);
        assertThat(tags.items().get(2).key()).isInstanceOf(Expr.Parens.class);
    }

    @Test
    void traversalsAndSplats() {
        Expr legacy = local("legacy");
        assertThat(legacy).isInstanceOf(Expr.GetAttr.class);
        Expr.Index index = (Expr.Index) ((Expr.GetAttr) legacy).source();
        assertThat(((Expr.Literal) index.key()).value()).isEqualTo(Value.of(0));
        Expr.Splat s1 = (Expr.Splat) local("splat1");
        assertThat(s1.each()).isInstanceOf(Expr.GetAttr.class);
        Expr.Splat s2 = (Expr.Splat) local("splat2");
        assertThat(s2.each()).isInstanceOf(Expr.Index.class);
        assertThat(s2.text()).isEqualTo("aws_instance.web[*].tags[\"Name\"]");
        Expr legacyTwo = HclParser.parseExpression("e", "a.0.1");
        assertThat(legacyTwo).isInstanceOf(Expr.Index.class);
        assertThat(((Expr.Index) legacyTwo).source()).isInstanceOf(Expr.Index.class);
    }

    @Test
    void callsForExpressionsAndConditionals() {
        Expr.FunctionCall call = (Expr.FunctionCall) local("call");
        assertThat(call.name()).isEqualTo("max");
        assertThat(call.expandFinal()).isTrue();
        Expr.ForExpr tfor = (Expr.ForExpr) local("tfor");
        assertThat(tfor.keyVar()).isEqualTo("i");
        assertThat(tfor.valueVar()).isEqualTo("v");
        assertThat(tfor.keyExpr()).isNull();
        assertThat(tfor.condition().text()).isEqualTo("v != \"\"");
        Expr.ForExpr ofor = (Expr.ForExpr) local("ofor");
        assertThat(ofor.grouping()).isTrue();
        assertThat(ofor.keyExpr().text()).isEqualTo("k");
        assertThat(local("cond")).isInstanceOf(Expr.Conditional.class);
    }

    @Test
    void operatorPrecedence() {
        Expr.Binary or = (Expr.Binary) HclParser.parseExpression("e", "1 + 2 * 3 == 7 || false && true");
        assertThat(or.op()).isEqualTo(Expr.Operator.OR);
        Expr.Binary eq = (Expr.Binary) or.left();
        assertThat(eq.op()).isEqualTo(Expr.Operator.EQ);
        Expr.Binary add = (Expr.Binary) eq.left();
        assertThat(add.op()).isEqualTo(Expr.Operator.ADD);
        assertThat(add.right().text()).isEqualTo("2 * 3");
        assertThat(((Expr.Binary) or.right()).op()).isEqualTo(Expr.Operator.AND);
        Expr.Binary sub = (Expr.Binary) HclParser.parseExpression("e", "10 - 2 - 3");
        assertThat(sub.left().text()).isEqualTo("10 - 2");
        Expr.Conditional nested = (Expr.Conditional) HclParser.parseExpression("e", "a ? b : c ? d : e");
        assertThat(nested.otherwise().text()).isEqualTo("c ? d : e");
    }

    @Test
    void templatesEscapesAndStripMarkers() {
        Expr.Template esc = (Expr.Template) local("esc");
        assertThat(esc.parts()).extracting(p -> ((Expr.Literal) p).value())
                .containsExactly(new StringValue("tab\tq\"${x}%{y}\u00e9"));
        Expr.Template strip = (Expr.Template) local("strip");
        assertThat(strip.parts()).hasSize(3);
        assertThat(((Expr.Literal) strip.parts().get(0)).value()).isEqualTo(new StringValue("a"));
        assertThat(((Expr.Literal) strip.parts().get(2)).value()).isEqualTo(new StringValue("c"));
        Expr.Template tmpl = (Expr.Template) local("tmpl");
        assertThat(tmpl.parts()).hasSize(2);
        Expr.TemplateIf ifPart = (Expr.TemplateIf) tmpl.parts().get(0);
        assertThat(ifPart.condition().text()).isEqualTo("var.a");
        assertThat(ifPart.text()).isEqualTo("%{ if var.a }on%{ else }off%{ endif }");
        Expr.TemplateFor forPart = (Expr.TemplateFor) tmpl.parts().get(1);
        assertThat(forPart.valueVar()).isEqualTo("x");
        assertThat(forPart.body().parts()).hasSize(3);
    }

    @Test
    void heredocs() {
        Expr.Template plain = (Expr.Template) local("heredoc");
        assertThat(plain.parts()).hasSize(3);
        assertThat(((Expr.Literal) plain.parts().get(0)).value()).isEqualTo(new StringValue("hello "));
        assertThat(plain.parts().get(1).text()).isEqualTo("var.name");
        assertThat(plain.parts().get(1).pos().line()).isEqualTo(34);
        assertThat(((Expr.Literal) plain.parts().get(2)).value()).isEqualTo(new StringValue("\n"));
        Expr.Template indented = (Expr.Template) local("indented");
        assertThat(((Expr.Literal) indented.parts().getFirst()).value()).isEqualTo(new StringValue("one\n  two\n"));
    }

    @Test
    void numbersBoolsNull() {
        assertThat(((Expr.Literal) HclParser.parseExpression("e", "1.5e2")).value()).isEqualTo(Value.of(150));
        assertThat(((Expr.Literal) HclParser.parseExpression("e", "true")).value()).isEqualTo(BoolValue.TRUE);
        assertThat(((Expr.Literal) HclParser.parseExpression("e", "null")).value()).isEqualTo(NullValue.INSTANCE);
        assertThat(local("n")).isInstanceOf(Expr.Unary.class);
    }

    @Test
    void errorsAreLocatedAndClear() {
        assertThatThrownBy(() -> HclParser.parse("main.tf", "resource \"a\" \"b\" {\n  bucket\n}\n"))
                .isInstanceOf(HclParseException.class)
                .hasMessage("main.tf:2:9: expected '=' or a block after 'bucket'");
        assertThatThrownBy(() -> HclParser.parse("main.tf", "a = \"x\nb = 1\n"))
                .hasMessage("main.tf:1:7: a quoted string cannot span lines; use a heredoc");
        assertThatThrownBy(() -> HclParser.parse("main.tf", "a = 1\na = 2\n"))
                .hasMessage("main.tf:2:1: attribute 'a' redefined (first defined at line 1)");
        assertThatThrownBy(() -> HclParser.parse("main.tf", "a = [1, 2\n"))
                .hasMessage("main.tf:2:1: expected ']' or ',' in the tuple, found end of file");
        assertThatThrownBy(() -> HclParser.parse("main.tf", "a = \"%{if x}y\"\n"))
                .hasMessage("main.tf:1:6: %{if} is missing its %{endif}");
        assertThatThrownBy(() -> HclParser.parse("main.tf", "a = <<EOF\nno end\n"))
                .hasMessage("main.tf:1:5: unterminated heredoc: no closing line EOF");
        assertThatThrownBy(() -> HclParser.parse("main.tf",
                "t = {\n  foo = var.input > 0 ?\n    \"foo\" : \"bar\"\n}\n"))
                .hasMessage("main.tf:2:24: expected an expression, found newline");
        assertThatThrownBy(() -> HclParser.parse("main.tf", "a = \"\\q\"\n"))
                .hasMessageStartingWith("main.tf:1:6: invalid escape sequence '\\q'");
    }

    @Test
    void nestingIsBounded() {
        String deep = "a = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        assertThatThrownBy(() -> HclParser.parse("deep.tf", deep))
                .isInstanceOf(HclParseException.class)
                .hasMessageContaining("nesting deeper than 256 levels");
        String chain = "a = x" + ".b".repeat(10_000) + "\n";
        assertThatThrownBy(() -> HclParser.parse("deep.tf", chain)).isInstanceOf(HclParseException.class);
        String sum = "a = " + "1 + ".repeat(10_000) + "1\n";
        assertThatThrownBy(() -> HclParser.parse("deep.tf", sum)).isInstanceOf(HclParseException.class);
        assertThat(HclParser.parse("ok.tf", "a = " + "[".repeat(100) + "]".repeat(100) + "\n").body().attributes())
                .hasSize(1);
    }

    @Test
    void oneLineBlockAndNewlinesInsideBrackets() {
        HclFile f = HclParser.parse("f.tf", "a {\n}\nb \"x\" { y = [\n 1,\n 2\n] }\nc = f(\n1,\n2)\n");
        assertThat(f.body().blocks()).hasSize(2);
        Expr.TupleCons t = (Expr.TupleCons) f.body().blocks().get(1).body().attributes().get("y").expr();
        assertThat(t.items()).hasSize(2);
        assertThat(((Expr.FunctionCall) f.body().attributes().get("c").expr()).args()).hasSize(2);
        assertThat(f.body().attributes().get("c").pos().line()).isEqualTo(7);
    }
}
