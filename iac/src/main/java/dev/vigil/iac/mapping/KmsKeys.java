package dev.vigil.iac.mapping;

import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.EncryptionKey.Manager;
import dev.vigil.core.model.Value;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who manages the KMS key a template names for a resource's encryption at rest. A key the template declares itself is
 * customer managed; an alias under {@code alias/aws/} names an AWS managed key; any other key named as text (an ARN, a
 * key ID, another alias) is one whose manager only the account knows: unknown, never a guess.
 */
public final class KmsKeys {

    /** The resource types that declare a customer managed key, or an alias of one. */
    static final Set<String> DECLARED = Set.of("AWS::KMS::Key", "AWS::KMS::ReplicaKey", "AWS::KMS::Alias",
            "aws_kms_key", "aws_kms_replica_key", "aws_kms_alias");

    private static final Pattern AWS_ALIAS_ARN = Pattern.compile("arn:[^\\s\"']+:alias/aws/[\\w/.-]+");

    private KmsKeys() {
    }

    /** The key {@code field} names, or {@code absent} (what AWS uses when the template names none). */
    public static Value<EncryptionKey> of(Declaration d, Field field, EncryptionKey absent) {
        var declared = d.referenced(field, DECLARED);
        if (declared.isPresent()) {
            return Value.known(new EncryptionKey(Manager.CUSTOMER_MANAGED, declared.get().id()));
        }
        return switch (d.text(field, "")) {
            case Value.Known<String> k when k.value().isEmpty() -> Value.known(absent);
            case Value.Known<String> k -> named(k.value());
            // an alias ARN whose region or account is a placeholder (!Sub) names an AWS managed key all the same
            case Value.Unknown<String> u when AWS_ALIAS_ARN.matcher(u.expression()).matches() ->
                    Value.known(new EncryptionKey(Manager.AWS_MANAGED, u.expression()));
            case Value<String> other -> other.map(text -> absent);
        };
    }

    /** A key named as text: an {@code alias/aws/...} alias (or its ARN) is AWS managed; any other is undecided. */
    public static Value<EncryptionKey> named(String key) {
        if (key.startsWith("alias/aws/") || key.contains(":alias/aws/")) {
            return Value.known(new EncryptionKey(Manager.AWS_MANAGED, key));
        }
        return Value.unknown(key + " (who manages this key is known only in the account)");
    }
}
