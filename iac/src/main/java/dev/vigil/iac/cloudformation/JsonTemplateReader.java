package dev.vigil.iac.cloudformation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.vigil.iac.cloudformation.Node.Field;
import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import dev.vigil.iac.cloudformation.Node.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JSON templates with Jackson's streaming parser, keeping each value's line and offsets. Thread-safe. */
final class JsonTemplateReader {

    private static final int MAX_DEPTH = 200;

    private final JsonFactory factory = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    Node read(String text) throws TemplateSyntaxException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new TemplateSyntaxException(1, "empty document");
            }
            Node root = value(parser, first);
            if (parser.nextToken() != null) {
                throw new TemplateSyntaxException(parser.currentTokenLocation().getLineNr(),
                        "unexpected content after the document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 1 : Math.max(1, location.getLineNr());
            throw new TemplateSyntaxException(line, e.getOriginalMessage());
        } catch (IOException e) {
            throw new TemplateSyntaxException(1, String.valueOf(e.getMessage()));
        }
    }

    private Node value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonEOFException(parser, null, "Unexpected end-of-input");
        }
        JsonLocation start = parser.currentTokenLocation();
        int line = start.getLineNr();
        int offset = (int) start.getCharOffset();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Field> fields = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    if (t != JsonToken.FIELD_NAME) {
                        throw new JsonEOFException(parser, t, "Unexpected end-of-input in an object");
                    }
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    fields.put(key, new Field(key, keyLine, value(parser, parser.nextToken())));
                }
                yield new MapNode(fields, new Span(line, offset, end(parser)));
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(value(parser, t));
                }
                yield new ListNode(items, new Span(line, offset, end(parser)));
            }
            case VALUE_NULL -> new Scalar(null, new Span(line, offset, end(parser)));
            default -> new Scalar(parser.getText(), new Span(line, offset, end(parser)));
        };
    }

    private static int end(JsonParser parser) {
        return (int) parser.currentLocation().getCharOffset();
    }
}
