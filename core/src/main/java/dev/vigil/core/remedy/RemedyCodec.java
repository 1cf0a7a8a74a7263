package dev.vigil.core.remedy;

import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remedies as flat string fields ({@code type} plus one field per record component), so a saved JSON
 * scan can be fixed later with {@code vigil fix --from FILE}. Every remedy is a record of strings.
 */
public final class RemedyCodec {

    private RemedyCodec() {
    }

    public static Map<String, String> encode(Remedy remedy) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", remedy.getClass().getSimpleName());
        for (RecordComponent c : remedy.getClass().getRecordComponents()) {
            try {
                fields.put(c.getName(), (String) c.getAccessor().invoke(remedy));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return fields;
    }

    /** An example of a remedy type, each field a placeholder named after it: {@code tableName} → {@code TABLE_NAME}. */
    public static Remedy example(Class<? extends Remedy> type) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", type.getSimpleName());
        for (RecordComponent c : type.getRecordComponents()) {
            fields.put(c.getName(), c.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT));
        }
        return decode(fields);
    }

    /**
     * The remedy as one line of text, {@code type=EnablePointInTimeRecovery&tableName=orders} (fields URL-encoded), for
     * a store to keep beside the check and {@link #parse} to read back.
     */
    public static String format(Remedy remedy) {
        StringBuilder text = new StringBuilder();
        encode(remedy).forEach((name, value) -> text.append(text.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return text.toString();
    }

    /** The remedy {@link #format} wrote; an unknown type or a missing field is an IllegalArgumentException. */
    public static Remedy parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not a remedy: " + text);
            }
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return decode(fields);
    }

    public static Remedy decode(Map<String, String> fields) {
        String type = fields.get("type");
        Class<?> kind = Arrays.stream(Remedy.class.getPermittedSubclasses())
                .filter(c -> c.getSimpleName().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown remedy type '" + type + "'"));
        RecordComponent[] components = kind.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = fields.get(components[i].getName());
            if (args[i] == null) {
                throw new IllegalArgumentException("remedy " + type + " lacks field '" + components[i].getName() + "'");
            }
            types[i] = String.class;
        }
        try {
            return (Remedy) kind.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
