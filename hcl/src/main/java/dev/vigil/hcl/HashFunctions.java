package dev.vigil.hcl;

import static dev.vigil.hcl.Functions.arity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** Digests of a string's UTF-8 bytes: md5, sha1, sha256, sha512 (hex) and base64sha256, base64sha512. */
final class HashFunctions {
    private HashFunctions() {
    }

    static void register(Map<String, HclFunction> m) {
        m.put("md5", digest("MD5", false));
        m.put("sha1", digest("SHA-1", false));
        m.put("sha256", digest("SHA-256", false));
        m.put("sha512", digest("SHA-512", false));
        m.put("base64sha256", digest("SHA-256", true));
        m.put("base64sha512", digest("SHA-512", true));
    }

    private static HclFunction digest(String algorithm, boolean base64) {
        return args -> {
            arity(args, 1, 1);
            byte[] input = Convert.string(args.getFirst()).getBytes(StandardCharsets.UTF_8);
            byte[] hash;
            try {
                hash = MessageDigest.getInstance(algorithm).digest(input);
            } catch (NoSuchAlgorithmException e) {
                throw new EvalError(algorithm + " is not available in this JDK");
            }
            return new StringValue(base64 ? Base64.getEncoder().encodeToString(hash) : HexFormat.of().formatHex(hash));
        };
    }
}
