package dev.vigil.hcl.terraform;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.hcl.HclParseException;
import dev.vigil.hcl.Json;
import dev.vigil.hcl.SourcePos;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** A JSON value with the position and source text of each node, for {@code *.tf.json} files. */
sealed interface JsonNode {
    SourcePos pos();

    /** The node's exact source text. */
    String text();

    record JsonObject(List<Member> members, SourcePos pos, String text) implements JsonNode {
    }

    record Member(String key, SourcePos keyPos, JsonNode value) {
    }

    record JsonArray(List<JsonNode> items, SourcePos pos, String text) implements JsonNode {
    }

    record JsonString(String value, SourcePos pos, String text) implements JsonNode {
    }

    record JsonNumber(BigDecimal value, SourcePos pos, String text) implements JsonNode {
    }

    record JsonBool(boolean value, SourcePos pos, String text) implements JsonNode {
    }

    record JsonNull(SourcePos pos, String text) implements JsonNode {
    }

    /** Parses a whole file with Jackson; invalid JSON is a {@link HclParseException} at file:line:column. */
    static JsonNode parse(String file, String source) {
        Reader reader = new Reader(file, source);
        return Json.read(source, reader::node, (at, why) -> new HclParseException(reader.pos(at), why));
    }

    /**
     * Builds nodes from Jackson's tokens. Positions come from Jackson's character offsets, with
     * lines counted at {@code \n} alone as the HCL lexer counts them (Jackson also breaks at a lone
     * {@code \r}).
     */
    final class Reader {
        private final String file;
        private final String source;
        private final int[] lineStarts;

        private Reader(String file, String source) {
            this.file = file;
            this.source = source;
            this.lineStarts = IntStream.concat(IntStream.of(0), IntStream.range(0, source.length())
                    .filter(i -> source.charAt(i) == '\n').map(i -> i + 1)).toArray();
        }

        /** The value whose first token the parser stands on, which ends on the value's last token. */
        private JsonNode node(JsonParser p) throws IOException {
            JsonLocation start = p.currentTokenLocation();
            SourcePos at = pos(start);
            int from = offset(start);
            return switch (p.currentToken()) {
                case START_OBJECT -> {
                    List<Member> members = new ArrayList<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        SourcePos keyPos = pos(p.currentTokenLocation());
                        p.nextToken();
                        members.add(new Member(key, keyPos, node(p)));
                    }
                    yield new JsonObject(members, at, source.substring(from, offset(p.currentTokenLocation()) + 1));
                }
                case START_ARRAY -> {
                    List<JsonNode> items = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        items.add(node(p));
                    }
                    yield new JsonArray(items, at, source.substring(from, offset(p.currentTokenLocation()) + 1));
                }
                case VALUE_STRING -> {
                    String value = p.getText(); // completes the token: the parser is now past the closing quote
                    yield new JsonString(value, at, source.substring(from, offset(p.currentLocation())));
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(Json.decimal(p), at, p.getText());
                case VALUE_TRUE -> new JsonBool(true, at, "true");
                case VALUE_FALSE -> new JsonBool(false, at, "false");
                case VALUE_NULL -> new JsonNull(at, "null");
                default -> throw new JsonParseException(p, "unexpected " + p.currentToken(), start);
            };
        }

        private int offset(JsonLocation location) {
            return Math.clamp(location.getCharOffset(), 0, source.length());
        }

        private SourcePos pos(JsonLocation location) {
            int offset = offset(location);
            int line = Arrays.binarySearch(lineStarts, offset);
            if (line < 0) {
                line = -line - 2;
            }
            return new SourcePos(file, line + 1, offset - lineStarts[line] + 1);
        }
    }
}
