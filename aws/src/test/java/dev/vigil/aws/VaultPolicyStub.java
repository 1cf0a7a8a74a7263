package dev.vigil.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.aws.EmulatorProxy.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * moto has backup vaults but no vault access policies. This stub answers PutBackupVaultAccessPolicy and
 * GetBackupVaultAccessPolicy in the shapes the AWS Backup API reference documents — the policy as a string of JSON, and
 * ResourceNotFoundException for a vault without one — remembering what was put, as AWS would.
 */
final class VaultPolicyStub {

    private static final Pattern POLICY = Pattern.compile("/backup-vaults/([^/]+)/access-policy");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** region/vault → the policy document as put. */
    private final Map<String, String> policies = new ConcurrentHashMap<>();

    void install(EmulatorProxy proxy) {
        proxy.when(r -> POLICY.matcher(r.path()).matches(), this::answer);
    }

    private Response answer(EmulatorProxy.Request request) {
        Matcher m = POLICY.matcher(request.path());
        m.matches();
        String vault = m.group(1);
        String key = request.region() + "/" + vault;
        try {
            if (request.method().equals("PUT")) {
                policies.put(key, JSON.readTree(request.body()).get("Policy").asText());
                return new Response(200, "application/json", "");
            }
            String policy = policies.get(key);
            if (policy == null) {
                return new Response(404, "application/json", JSON.writeValueAsString(Map.of(
                        "__type", "ResourceNotFoundException", "Code", "ResourceNotFoundException",
                        "Message", "Backup vault " + vault + " has no access policy", "Type", "User")));
            }
            return new Response(200, "application/json", JSON.writeValueAsString(Map.of("BackupVaultName", vault,
                    "BackupVaultArn", "arn:aws:backup:" + request.region() + ":123456789012:backup-vault:" + vault,
                    "Policy", policy)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
