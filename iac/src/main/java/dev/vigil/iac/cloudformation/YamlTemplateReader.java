package dev.vigil.iac.cloudformation;

import dev.vigil.iac.cloudformation.Node.Field;
import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import dev.vigil.iac.cloudformation.Node.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML templates through SnakeYAML Engine's compose API, which keeps tags and marks, and rewrites
 * CloudFormation's short-form tags to their long forms. Bounded: few aliases to collections, a cap on the
 * nodes an alias may expand to, no recursive aliases, limited nesting. Thread-safe.
 */
final class YamlTemplateReader {

    private static final int MAX_NODES = 200_000;
    private static final int MAX_DEPTH = 200;
    private static final int MAX_LINE = 128 * 1024;

    private static final Map<String, String> SHORT_FORMS = shortForms();

    private final Compose compose = new Compose(LoadSettings.builder()
            .setLabel("template")
            .setMaxAliasesForCollections(20)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(8 * 1024 * 1024)
            .build());

    private static Map<String, String> shortForms() {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("!Ref", "Ref");
        forms.put("!Condition", "Condition");
        for (String fn : List.of("Sub", "GetAtt", "Join", "If", "Equals", "Not", "And", "Or", "Select", "Split",
                "FindInMap", "Base64", "Cidr", "GetAZs", "ImportValue", "Transform", "Length", "ToJsonString")) {
            forms.put("!" + fn, "Fn::" + fn);
        }
        return Map.copyOf(forms);
    }

    /**
     * The single document of {@code text}; empty when the text holds no document, or several of which none is a
     * template.
     *
     * @throws TemplateSyntaxException when it does not parse, when a line is so long that parsing it would cost
     *                                 too much, or when it is a template with more than one document or a tag
     *                                 CloudFormation does not know
     */
    Optional<Node> read(String text) throws TemplateSyntaxException {
        longLine(text);
        try {
            Iterator<org.snakeyaml.engine.v2.nodes.Node> documents = compose.composeAllFromString(text).iterator();
            if (!documents.hasNext()) {
                return Optional.empty();
            }
            Conversion first = new Conversion(text);
            Node root = first.convert(documents.next(), 0);
            if (documents.hasNext()) {
                return several(text, root, documents);
            }
            if (first.unknownTag != null && Template.isTemplate(root)) {
                throw new TemplateSyntaxException(first.unknownTag.span().line(), "unknown tag "
                        + first.unknownTag.text() + " (not a short form of a CloudFormation intrinsic function)");
            }
            return Optional.of(root);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            throw new TemplateSyntaxException(mark.map(m -> m.getLine() + 1).orElse(1), e.getProblem());
        } catch (YamlEngineException e) {
            throw new TemplateSyntaxException(1, e.getMessage());
        } catch (StackOverflowError e) {
            throw new TemplateSyntaxException(1, "nesting too deep");
        }
    }

    /** A file of several documents: an error if any is a template (CloudFormation reads one), else not a template. */
    private static Optional<Node> several(String text, Node first, Iterator<org.snakeyaml.engine.v2.nodes.Node> rest)
            throws TemplateSyntaxException {
        boolean template = Template.isTemplate(first);
        int count = 1;
        int secondLine = 0;
        while (rest.hasNext()) {
            org.snakeyaml.engine.v2.nodes.Node next = rest.next();
            count++;
            Node converted = new Conversion(text).convert(next, 0);
            secondLine = secondLine == 0 ? converted.span().line() : secondLine;
            template |= Template.isTemplate(converted);
        }
        if (!template) {
            return Optional.empty();
        }
        throw new TemplateSyntaxException(secondLine, "holds " + count + " YAML documents (the second starts here); "
                + "a CloudFormation template is a file of one document");
    }

    /** SnakeYAML's scanner slows down with the square of a token's length: refuse very long lines first. */
    private static void longLine(String text) throws TemplateSyntaxException {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    throw new TemplateSyntaxException(line, "line longer than " + MAX_LINE / 1024
                            + " KiB (a CloudFormation template is at most 1 MB); not parsed");
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** One document's conversion; tracks the node budget and the collections being converted. */
    private static final class Conversion {

        private final int[] charOffsets;
        private final Set<org.snakeyaml.engine.v2.nodes.Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private int nodes;
        /** The first local tag that is not a CloudFormation short form, such as {@code !Foo}, as a scalar. */
        private Scalar unknownTag;

        Conversion(String text) {
            this.charOffsets = charOffsets(text);
        }

        /** Char offset of each code point, or null when every code point is one char (the usual case). */
        private static int[] charOffsets(String text) {
            int codePoints = text.codePointCount(0, text.length());
            if (codePoints == text.length()) {
                return null;
            }
            int[] offsets = new int[codePoints + 1];
            for (int i = 0, c = 0; i < text.length(); c++) {
                offsets[c] = i;
                i += Character.charCount(text.codePointAt(i));
            }
            offsets[codePoints] = text.length();
            return offsets;
        }

        Node convert(org.snakeyaml.engine.v2.nodes.Node node, int depth) throws TemplateSyntaxException {
            Span span = span(node);
            if (++nodes > MAX_NODES) {
                throw new TemplateSyntaxException(span.line(), "too many nodes (alias expansion?)");
            }
            if (depth > MAX_DEPTH) {
                throw new TemplateSyntaxException(span.line(), "nesting too deep");
            }
            if (!open.add(node)) {
                throw new TemplateSyntaxException(span.line(), "recursive alias");
            }
            Node plain = switch (node) {
                case ScalarNode scalar -> new Scalar(Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue(), span);
                case SequenceNode sequence -> list(sequence, span, depth);
                case MappingNode mapping -> map(mapping, span, depth);
                default -> throw new TemplateSyntaxException(span.line(), "unsupported YAML node");
            };
            open.remove(node);
            String tag = node.getTag().getValue();
            String longForm = SHORT_FORMS.get(tag);
            if (longForm == null) {
                if (unknownTag == null && tag.startsWith("!")) {
                    unknownTag = new Scalar(tag, span);
                }
                return plain;
            }
            if (longForm.equals("Fn::GetAtt") && plain instanceof Scalar scalar && scalar.text() != null) {
                plain = getAttList(scalar);
            }
            return new MapNode(Map.of(longForm, new Field(longForm, span.line(), plain)), span);
        }

        /** {@code !GetAtt A.B.C} names resource A and attribute B.C. */
        private static Node getAttList(Scalar scalar) {
            String value = scalar.text();
            int dot = value.indexOf('.');
            List<Node> parts = dot < 0 ? List.of(scalar)
                    : List.of(new Scalar(value.substring(0, dot), scalar.span()),
                            new Scalar(value.substring(dot + 1), scalar.span()));
            return new ListNode(parts, scalar.span());
        }

        private ListNode list(SequenceNode sequence, Span span, int depth) throws TemplateSyntaxException {
            List<Node> items = new ArrayList<>(sequence.getValue().size());
            for (org.snakeyaml.engine.v2.nodes.Node item : sequence.getValue()) {
                items.add(convert(item, depth + 1));
            }
            return new ListNode(items, span);
        }

        private MapNode map(MappingNode mapping, Span span, int depth) throws TemplateSyntaxException {
            Map<String, Field> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                int keyLine = span(tuple.getKeyNode()).line();
                if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getValue() == null) {
                    throw new TemplateSyntaxException(keyLine, "mapping key is not a string");
                }
                if (fields.containsKey(key.getValue())) {
                    throw new TemplateSyntaxException(keyLine, "duplicate key " + key.getValue());
                }
                fields.put(key.getValue(), new Field(key.getValue(), keyLine, convert(tuple.getValueNode(), depth + 1)));
            }
            return new MapNode(fields, span);
        }

        private Span span(org.snakeyaml.engine.v2.nodes.Node node) {
            Optional<Mark> start = node.getStartMark();
            Optional<Mark> end = node.getEndMark();
            int line = start.map(m -> m.getLine() + 1).orElse(1);
            return new Span(line, offset(start), Math.max(offset(start), offset(end)));
        }

        /** Marks count code points; the template text is indexed in UTF-16 units. */
        private int offset(Optional<Mark> mark) {
            if (mark.isEmpty()) {
                return 0;
            }
            int index = Math.max(0, mark.get().getIndex());
            return charOffsets == null ? index : charOffsets[Math.min(index, charOffsets.length - 1)];
        }
    }
}
