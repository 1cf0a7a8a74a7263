package dev.vigil.hcl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * JSON through Jackson's streaming API: jsonencode and jsondecode here, {@code *.tf.json} files in
 * {@code dev.vigil.hcl.terraform}. One factory, built once, bounds what a parser accepts (nesting
 * depth, string and number length) and makes its generators escape as Terraform's jsonencode does.
 * The public members are for the terraform package, not an API.
 */
public final class Json {
    /** Numbers whose exponent would make them this far from 1 are refused, as too costly to compute with. */
    private static final int MAX_SCALE = 10_000;
    /** Longer number tokens are refused before they are converted. */
    private static final int MAX_NUMBER_LENGTH = 10_000;
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(HclParser.MAX_DEPTH)
                    .maxStringLength(Evaluator.MAX_STRING)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Evaluator.MAX_DEPTH).build())
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .characterEscapes(new TerraformEscapes())
            .build();
    /** Jackson's own location and configuration hints, which a one-line cause leaves out. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;]*; (line: \\d+(?:, column: \\d+)?)]");
    private static final Pattern HINT = Pattern.compile("(?:, from|: enable) `[^`]*`(?: to allow)?");
    private static final Pattern RUN_ON = Pattern.compile("end-of-input(?=\\w)");

    private Json() {
    }

    /** Reads one value from a parser standing on the value's first token. */
    @FunctionalInterface
    public interface ValueReader<T> {
        T read(JsonParser p) throws IOException;
    }

    /**
     * Parses text holding exactly one JSON value with the reader; invalid JSON is the exception
     * {@code failure} makes of where the error is and a one-line cause.
     */
    public static <T> T read(String text, ValueReader<T> reader,
            BiFunction<JsonLocation, String, ? extends RuntimeException> failure) {
        try (JsonParser p = FACTORY.createParser(text)) {
            try {
                return readOne(p, reader);
            } catch (IOException e) {
                // the limits Jackson enforces throw without a location: the token being read is where
                throw failure.apply(e instanceof JsonProcessingException j && j.getLocation() != null
                        ? j.getLocation() : p.currentTokenLocation(), reason(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a parser over a string cannot fail to open or close", e);
        }
    }

    private static <T> T readOne(JsonParser p, ValueReader<T> reader) throws IOException {
        if (p.nextToken() == null) {
            throw new JsonParseException(p, "expected a JSON value, found end of input");
        }
        T value = reader.read(p);
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "unexpected characters after the JSON value", p.currentTokenLocation());
        }
        return value;
    }

    /** The current number token's exact value; an out-of-range number is an error at the token. */
    public static BigDecimal decimal(JsonParser p) throws IOException {
        try {
            BigDecimal n = p.getDecimalValue();
            if (Math.abs((long) n.scale()) <= MAX_SCALE) {
                return n;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new JsonParseException(p, "number " + p.getText() + " out of range", p.currentTokenLocation());
    }

    /** Why a parse failed, in one line and without Jackson's location or configuration hints. */
    private static String reason(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        message = message == null ? "" : message.lines().findFirst().orElse("");
        message = SOURCE.matcher(message).replaceAll("$1");
        message = HINT.matcher(message).replaceAll("");
        message = RUN_ON.matcher(message).replaceAll("end-of-input: ").strip();
        if (message.isEmpty()) {
            return "invalid JSON";
        }
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    static String quote(String s) {
        return write(new StringWriter(s.length() + 2), new StringValue(s));
    }

    /** Encodes a wholly known value; the caller checks for unknowns first. */
    static String encode(Value v) {
        return write(new BoundedWriter(), v);
    }

    private static String write(Writer out, Value v) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, v);
        } catch (IOException e) {
            throw new EvalError("cannot encode the value as JSON: " + reason(e));
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Value v) throws IOException {
        switch (v) {
            case StringValue s -> g.writeString(s.value());
            case NumberValue n -> g.writeNumber(n.format());
            case BoolValue b -> g.writeBoolean(b.value());
            case NullValue n -> g.writeNull();
            case ListValue l -> writeAll(g, l.elements());
            case SetValue s -> writeAll(g, s.elements());
            case ObjectValue o -> {
                g.writeStartObject();
                for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case Unknown u -> throw new IllegalArgumentException("cannot encode an unknown value");
        }
    }

    private static void writeAll(JsonGenerator g, List<Value> values) throws IOException {
        g.writeStartArray();
        for (Value v : values) {
            write(g, v);
        }
        g.writeEndArray();
    }

    /** Decodes JSON text; throws {@link IllegalArgumentException} with a message when invalid. */
    static Value decode(String text) {
        return read(text, Json::value,
                (at, why) -> new IllegalArgumentException("invalid JSON at offset " + at.getCharOffset() + ": " + why));
    }

    private static Value value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Value> attrs = new TreeMap<>();
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                    p.nextToken();
                    attrs.put(key, value(p));
                }
                yield new ObjectValue(attrs);
            }
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p));
                }
                yield new ListValue(items);
            }
            case VALUE_STRING -> new StringValue(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new NumberValue(decimal(p));
            case VALUE_TRUE -> BoolValue.TRUE;
            case VALUE_FALSE -> BoolValue.FALSE;
            case VALUE_NULL -> NullValue.INSTANCE;
            default -> throw new JsonParseException(p, "unexpected " + p.currentToken(), p.currentTokenLocation());
        };
    }

    /**
     * Terraform's jsonencode escapes {@code <}, {@code >} and {@code &} and the line and paragraph
     * separators, and writes backspace and form feed as hexadecimal escapes like the other control
     * characters, in lower case.
     */
    private static final class TerraformEscapes extends CharacterEscapes {
        private static final int[] ASCII = ascii();
        private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private static int[] ascii() {
            int[] codes = standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\b', '\f'}) {
                codes[c] = ESCAPE_STANDARD;
            }
            return codes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }

    /** A string writer that refuses output longer than the evaluator's string limit as it is written. */
    private static final class BoundedWriter extends Writer {
        private final StringBuilder out = new StringBuilder();

        @Override
        public void write(char[] chars, int offset, int length) {
            StringFunctions.checkLength((long) out.length() + length);
            out.append(chars, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
