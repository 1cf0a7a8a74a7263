package dev.vigil.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {

    private final YamlTemplateReader yaml = new YamlTemplateReader();
    private final JsonTemplateReader json = new JsonTemplateReader();

    @Test
    void everyShortFormTagBecomesItsLongForm() throws TemplateSyntaxException {
        Map<String, String> tags = Map.ofEntries(Map.entry("!Ref", "Ref"), Map.entry("!Condition", "Condition"),
                Map.entry("!Sub", "Fn::Sub"), Map.entry("!GetAtt", "Fn::GetAtt"), Map.entry("!Join", "Fn::Join"),
                Map.entry("!If", "Fn::If"), Map.entry("!Equals", "Fn::Equals"), Map.entry("!Not", "Fn::Not"),
                Map.entry("!And", "Fn::And"), Map.entry("!Or", "Fn::Or"), Map.entry("!Select", "Fn::Select"),
                Map.entry("!Split", "Fn::Split"), Map.entry("!FindInMap", "Fn::FindInMap"),
                Map.entry("!Base64", "Fn::Base64"), Map.entry("!Cidr", "Fn::Cidr"), Map.entry("!GetAZs", "Fn::GetAZs"),
                Map.entry("!ImportValue", "Fn::ImportValue"), Map.entry("!Transform", "Fn::Transform"));
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            MapNode root = (MapNode) yaml.read("a:\n  b: " + tag.getKey() + " [x, y]\n").orElseThrow();
            MapNode call = (MapNode) ((MapNode) root.get("a")).get("b");

            assertThat(call.fields().keySet()).as(tag.getKey()).containsExactly(tag.getValue());
            assertThat(call.get(tag.getValue())).isInstanceOf(ListNode.class);
            assertThat(call.span().line()).isEqualTo(2);
        }
    }

    @Test
    void getAttStringFormSplitsAtTheFirstDot() throws TemplateSyntaxException {
        MapNode root = (MapNode) yaml.read("v: !GetAtt Db.Endpoint.Address\n").orElseThrow();
        ListNode arguments = (ListNode) ((MapNode) root.get("v")).get("Fn::GetAtt");

        assertThat(arguments.items()).extracting(n -> ((Scalar) n).text()).containsExactly("Db", "Endpoint.Address");
    }

    @Test
    void tagsOnMappingsAndNestedTagsAreKept() throws TemplateSyntaxException {
        String text = "v: !Sub\n  - ${A}\n  - A: !Ref B\n";
        MapNode root = (MapNode) yaml.read(text).orElseThrow();
        ListNode arguments = (ListNode) ((MapNode) root.get("v")).get("Fn::Sub");
        Node reference = ((MapNode) arguments.items().get(1)).get("A");

        assertThat(((MapNode) reference).get("Ref")).isEqualTo(new Scalar("B", new Node.Span(3, 24, 30)));
        assertThat(new Template("t.yaml", text, root, true).asWritten(reference)).isEqualTo("!Ref B");
    }

    @Test
    void duplicateKeysAreErrorsWithTheirLine() {
        assertThatThrownBy(() -> yaml.read("Resources:\n  A: 1\n  A: 2\n")).isInstanceOf(TemplateSyntaxException.class)
                .hasMessage("3: duplicate key A");
        assertThatThrownBy(() -> json.read("{\"Resources\": {\n\"A\": 1,\n\"A\": 2}}"))
                .isInstanceOf(TemplateSyntaxException.class).hasMessageStartingWith("3: Duplicate field 'A'");
    }

    @Test
    void multipleDocumentsAreNotATemplate() throws TemplateSyntaxException {
        assertThat(yaml.read("a: 1\n---\nb: 2\n")).isEmpty();
        assertThat(yaml.read("# only a comment\n")).isEmpty();
    }

    @Test
    void jsonKeepsLinesAndScalarText() throws TemplateSyntaxException {
        String text = "{\n  \"a\": [1.50, true,\n null],\n  \"b\": {\"Ref\":   \"X\"}\n}";
        MapNode root = (MapNode) json.read(text);

        assertThat(root.fields().get("b").line()).isEqualTo(4);
        assertThat(((ListNode) root.get("a")).items()).extracting(n -> ((Scalar) n).text())
                .isEqualTo(java.util.Arrays.asList("1.50", "true", null));
        assertThat(root.get("b").span().line()).isEqualTo(4);
        assertThat(new Template("t.json", text, root, false).asWritten(root.get("b"))).isEqualTo("{\"Ref\": \"X\"}");
    }
}
