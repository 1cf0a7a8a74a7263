package dev.vigil.rules.dynamodb;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.EncryptionKey.Manager;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EncryptTableWithCustomerManagedKey;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import dev.vigil.core.rule.RuleSetting;
import dev.vigil.core.rule.Setting;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One check per table: the key that encrypts it at rest must be one of the accepted kinds, by default only a customer
 * managed key. Conformity's DynamoDB-004 also accepts the AWS managed key {@code aws/dynamodb}; the setting lets an
 * account keep that behaviour ({@code acceptedKeys=CUSTOMER_MANAGED,AWS_MANAGED}).
 */
@RuleInfo(id = "DynamoDB-004", title = "Enable Encryption at Rest with Amazon KMS Keys", risk = Risk.HIGH,
        categories = Category.SECURITY, compliances = {"AWAF", "GDPR", "HIPAA", "ISO27001", "NIST4", "NIST5"},
        controls = {"AWAF:SEC08-BP01", "GDPR:Art.32(1)(a)", "HIPAA:164.312(a)(2)(iv)", "ISO27001:A.10.1.2",
                "NIST4:SC-12", "NIST4:SC-28", "NIST5:SC-12", "NIST5:SC-28(1)"},
        service = "DynamoDB", resource = DynamoDbTable.class, fields = "encryptionKey",
        remedy = EncryptTableWithCustomerManagedKey.class,
        settings = @RuleSetting(name = DynamoDbCustomerManagedKey.ACCEPTED, label = "Keys that pass: CUSTOMER_MANAGED, "
                + "AWS_MANAGED, AWS_OWNED", type = Setting.Type.STRINGS, value = "CUSTOMER_MANAGED"))
public final class DynamoDbCustomerManagedKey implements Rule {

    static final String ACCEPTED = "acceptedKeys";

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        List<Manager> accepted;
        try {
            accepted = findings.strings(ACCEPTED).stream().map(s -> Manager.valueOf(s.toUpperCase(Locale.ROOT)))
                    .toList();
        } catch (IllegalArgumentException e) {
            inventory.all(DynamoDbTable.class).forEach(t -> findings.error(t, "setting " + ACCEPTED + " is "
                    + String.join(",", findings.strings(ACCEPTED)) + "; it takes "
                    + Arrays.toString(Manager.values()).replaceAll("[\\[\\] ]", "")));
            return;
        }
        for (DynamoDbTable table : inventory.all(DynamoDbTable.class)) {
            if (findings.unresolved(table, table.encryptionKey(), "The table's encryption key")) {
                continue;
            }
            EncryptionKey key = ((Value.Known<EncryptionKey>) table.encryptionKey()).value();
            if (accepted.contains(key.manager())) {
                findings.pass(table, "The table is encrypted at rest with " + key.describe());
            } else {
                findings.fail(table, "The table is encrypted at rest with " + key.describe() + ", not with "
                        + (accepted.equals(List.of(Manager.CUSTOMER_MANAGED)) ? "a customer managed key"
                        : "a key of the accepted kinds (" + String.join(", ", findings.strings(ACCEPTED)) + ")"),
                        new EncryptTableWithCustomerManagedKey(table.name()));
            }
        }
    }
}
