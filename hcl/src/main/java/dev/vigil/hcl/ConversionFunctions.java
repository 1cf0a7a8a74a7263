package dev.vigil.hcl;

import static dev.vigil.hcl.Functions.arity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Type conversion and encoding functions. */
final class ConversionFunctions {
    private ConversionFunctions() {
    }

    static void register(Map<String, HclFunction> m) {
        // sensitivity only affects how Terraform displays a value
        m.put("sensitive", args -> {
            arity(args, 1, 1);
            return args.getFirst();
        });
        m.put("nonsensitive", args -> {
            arity(args, 1, 1);
            return args.getFirst();
        });
        m.put("tostring", args -> {
            arity(args, 1, 1);
            Value v = args.getFirst();
            return v instanceof NullValue ? v : new StringValue(Convert.string(v));
        });
        m.put("tonumber", args -> {
            arity(args, 1, 1);
            Value v = args.getFirst();
            return v instanceof NullValue ? v : new NumberValue(Convert.number(v));
        });
        m.put("tobool", args -> {
            arity(args, 1, 1);
            Value v = args.getFirst();
            return v instanceof NullValue ? v : BoolValue.of(Convert.bool(v));
        });
        m.put("tolist", args -> {
            arity(args, 1, 1);
            return new ListValue(Convert.elements(args.getFirst()));
        });
        m.put("toset", args -> {
            arity(args, 1, 1);
            return new SetValue(Convert.elements(args.getFirst()));
        });
        m.put("tomap", args -> {
            arity(args, 1, 1);
            return new ObjectValue(Convert.object(args.getFirst()));
        });
        m.put("jsonencode", args -> {
            arity(args, 1, 1);
            return new StringValue(Json.encode(Convert.whollyKnown(args.getFirst())));
        });
        m.put("jsondecode", args -> {
            arity(args, 1, 1);
            try {
                return Json.decode(Convert.string(args.getFirst()));
            } catch (IllegalArgumentException e) {
                throw new EvalError(e.getMessage());
            }
        });
        m.put("base64encode", args -> {
            arity(args, 1, 1);
            byte[] bytes = Convert.string(args.getFirst()).getBytes(StandardCharsets.UTF_8);
            return new StringValue(Base64.getEncoder().encodeToString(bytes));
        });
        m.put("base64decode", args -> {
            arity(args, 1, 1);
            try {
                return new StringValue(new String(Base64.getDecoder().decode(Convert.string(args.getFirst())),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new EvalError("invalid base64: " + e.getMessage());
            }
        });
    }
}
