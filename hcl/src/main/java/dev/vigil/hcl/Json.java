package dev.vigil.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON encoding as Terraform's jsonencode writes it, and a depth-bounded decoder. */
final class Json {
    private static final int MAX_DEPTH = 256;

    private Json() {
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Encodes a wholly known value; the caller checks for unknowns first. */
    static String encode(Value v) {
        StringBuilder out = new StringBuilder();
        encode(v, out);
        return out.toString();
    }

    private static void encode(Value v, StringBuilder out) {
        switch (v) {
            case StringValue s -> out.append(quote(s.value()));
            case NumberValue n -> out.append(n.format());
            case BoolValue b -> out.append(b.value());
            case NullValue n -> out.append("null");
            case ListValue l -> encodeAll(l.elements(), out);
            case SetValue s -> encodeAll(s.elements(), out);
            case ObjectValue o -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(quote(e.getKey())).append(':');
                    encode(e.getValue(), out);
                }
                out.append('}');
            }
            case Unknown u -> throw new IllegalArgumentException("cannot encode an unknown value");
        }
        StringFunctions.checkLength(out.length());
    }

    private static void encodeAll(List<Value> values, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            encode(values.get(i), out);
        }
        out.append(']');
    }

    /** Decodes JSON text; throws {@link IllegalArgumentException} with a message when invalid. */
    static Value decode(String text) {
        Decoder d = new Decoder(text);
        Value v = d.value(0);
        d.skipSpace();
        if (d.pos != text.length()) {
            throw d.fail("unexpected trailing characters");
        }
        return v;
    }

    private static final class Decoder {
        private final String s;
        private int pos;

        Decoder(String s) {
            this.s = s;
        }

        IllegalArgumentException fail(String why) {
            return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + why);
        }

        void skipSpace() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        Value value(int depth) {
            if (depth > MAX_DEPTH) {
                throw fail("nested too deeply");
            }
            skipSpace();
            if (pos >= s.length()) {
                throw fail("unexpected end");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> new StringValue(string());
                case 't' -> word("true", BoolValue.TRUE);
                case 'f' -> word("false", BoolValue.FALSE);
                case 'n' -> word("null", NullValue.INSTANCE);
                default -> number();
            };
        }

        private Value word(String w, Value v) {
            if (!s.startsWith(w, pos)) {
                throw fail("unexpected token");
            }
            pos += w.length();
            return v;
        }

        private Value number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                BigDecimal n = new BigDecimal(s.substring(start, pos));
                if (Math.abs((long) n.scale()) > 10_000) {
                    throw fail("number out of range");
                }
                return new NumberValue(n);
            } catch (NumberFormatException e) {
                pos = start;
                throw fail("unexpected token");
            }
        }

        private String string() {
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw fail("unterminated string");
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
                    throw fail("unterminated escape");
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
                        if (pos + 4 > s.length()) {
                            throw fail("bad unicode escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw fail("bad unicode escape");
                        }
                        pos += 4;
                    }
                    default -> throw fail("bad escape");
                }
            }
        }

        private Value array(int depth) {
            pos++;
            List<Value> items = new ArrayList<>();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return new ListValue(items);
            }
            while (true) {
                items.add(value(depth + 1));
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos < s.length() && s.charAt(pos) == ']') {
                    pos++;
                    return new ListValue(items);
                } else {
                    throw fail("expected ',' or ']'");
                }
            }
        }

        private Value object(int depth) {
            pos++;
            Map<String, Value> attrs = new TreeMap<>();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return new ObjectValue(attrs);
            }
            while (true) {
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != '"') {
                    throw fail("expected a string key");
                }
                String key = string();
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ':') {
                    throw fail("expected ':'");
                }
                pos++;
                attrs.put(key, value(depth + 1));
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos < s.length() && s.charAt(pos) == '}') {
                    pos++;
                    return new ObjectValue(attrs);
                } else {
                    throw fail("expected ',' or '}'");
                }
            }
        }
    }
}
