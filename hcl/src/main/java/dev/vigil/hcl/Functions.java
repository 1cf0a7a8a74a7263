package dev.vigil.hcl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A registry of functions by name. */
public final class Functions {
    /** Functions that read files, the clock or randomness: always unknown in a static scan. */
    static final Set<String> IMPURE = Set.of("file", "templatefile", "fileexists", "filebase64", "fileset",
            "filemd5", "filesha1", "filesha256", "filesha512", "filebase64sha256", "filebase64sha512",
            "timestamp", "plantimestamp", "uuid", "bcrypt", "abspath", "pathexpand");

    private static final Functions STANDARD = build();

    private final Map<String, HclFunction> byName;

    private Functions(Map<String, HclFunction> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** The Terraform functions that configurations commonly use and that are pure. */
    public static Functions standard() {
        return STANDARD;
    }

    public HclFunction get(String name) {
        return byName.get(name);
    }

    private static Functions build() {
        Map<String, HclFunction> m = new HashMap<>();
        CollectionFunctions.register(m);
        StringFunctions.register(m);
        NumericFunctions.register(m);
        ConversionFunctions.register(m);
        HashFunctions.register(m);
        return new Functions(m);
    }

    static void arity(List<Value> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            String expected = min == max ? Integer.toString(min)
                    : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw new EvalError("expected " + expected + " argument" + (max == 1 ? "" : "s") + ", got " + args.size());
        }
    }
}
