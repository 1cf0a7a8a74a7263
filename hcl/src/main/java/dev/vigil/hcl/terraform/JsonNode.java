package dev.vigil.hcl.terraform;

import dev.vigil.hcl.HclParseException;
import dev.vigil.hcl.SourcePos;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A JSON value with the position and source text of each node, for {@code *.tf.json} files. */
sealed interface JsonNode {
    int MAX_DEPTH = 256;

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

    static JsonNode parse(String file, String source) {
        Reader r = new Reader(file, source);
        JsonNode root = r.value(0);
        r.skipSpace();
        if (r.pos < source.length()) {
            throw r.fail("unexpected characters after the JSON value");
        }
        return root;
    }

    /** A position-tracking recursive-descent JSON reader; errors are {@link HclParseException}s. */
    final class Reader {
        private final String file;
        private final String s;
        private int pos;
        private int line = 1;
        private int lineStart;

        private Reader(String file, String s) {
            this.file = file;
            this.s = s;
        }

        private SourcePos here() {
            return new SourcePos(file, line, pos - lineStart + 1);
        }

        private HclParseException fail(String why) {
            return new HclParseException(here(), why);
        }

        private void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    line++;
                    lineStart = pos + 1;
                } else if (c != ' ' && c != '\t' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private JsonNode value(int depth) {
            if (depth > MAX_DEPTH) {
                throw fail("JSON nested deeper than " + MAX_DEPTH + " levels");
            }
            skipSpace();
            if (pos >= s.length()) {
                throw fail("expected a JSON value, found end of file");
            }
            SourcePos at = here();
            int start = pos;
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth, at, start);
                case '[' -> array(depth, at, start);
                case '"' -> new JsonString(string(), at, s.substring(start, pos));
                case 't' -> word("true", new JsonBool(true, at, "true"));
                case 'f' -> word("false", new JsonBool(false, at, "false"));
                case 'n' -> word("null", new JsonNull(at, "null"));
                default -> number(at, start);
            };
        }

        private JsonNode word(String w, JsonNode node) {
            if (!s.startsWith(w, pos)) {
                throw fail("unexpected character '" + s.charAt(pos) + "' in JSON");
            }
            pos += w.length();
            return node;
        }

        private JsonNode number(SourcePos at, int start) {
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String text = s.substring(start, pos);
            try {
                BigDecimal n = new BigDecimal(text);
                if (Math.abs((long) n.scale()) > 10_000) {
                    throw new NumberFormatException();
                }
                return new JsonNumber(n, at, text);
            } catch (NumberFormatException e) {
                pos = start;
                throw fail(text.isEmpty() ? "unexpected character '" + s.charAt(pos) + "' in JSON" : "invalid number "
                        + text);
            }
        }

        private String string() {
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= s.length() || s.charAt(pos) == '\n') {
                    throw fail("unterminated JSON string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    throw fail("unterminated JSON string");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        int code = pos + 4 <= s.length() ? hex(s.substring(pos, pos + 4)) : -1;
                        if (code < 0) {
                            throw fail("invalid \\u escape in JSON string");
                        }
                        out.append((char) code);
                        pos += 4;
                    }
                    default -> throw fail("invalid escape '\\" + e + "' in JSON string");
                }
            }
        }

        private static int hex(String digits) {
            int v = 0;
            for (int i = 0; i < digits.length(); i++) {
                int d = Character.digit(digits.charAt(i), 16);
                if (d < 0) {
                    return -1;
                }
                v = v * 16 + d;
            }
            return v;
        }

        private JsonNode array(int depth, SourcePos at, int start) {
            pos++;
            List<JsonNode> items = new ArrayList<>();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return new JsonArray(items, at, s.substring(start, pos));
            }
            while (true) {
                items.add(value(depth + 1));
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos < s.length() && s.charAt(pos) == ']') {
                    pos++;
                    return new JsonArray(items, at, s.substring(start, pos));
                } else {
                    throw fail("expected ',' or ']' in JSON array");
                }
            }
        }

        private JsonNode object(int depth, SourcePos at, int start) {
            pos++;
            List<Member> members = new ArrayList<>();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return new JsonObject(members, at, s.substring(start, pos));
            }
            while (true) {
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != '"') {
                    throw fail("expected a quoted key in JSON object");
                }
                SourcePos keyPos = here();
                String key = string();
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ':') {
                    throw fail("expected ':' after the JSON key \"" + key + "\"");
                }
                pos++;
                members.add(new Member(key, keyPos, value(depth + 1)));
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos < s.length() && s.charAt(pos) == '}') {
                    pos++;
                    return new JsonObject(members, at, s.substring(start, pos));
                } else {
                    throw fail("expected ',' or '}' in JSON object");
                }
            }
        }
    }
}
