package dev.vigil.rules.dynamodb;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnableTableDeletionProtection;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;

/**
 * One check per table (and global table replica): deletion protection must be on. Conformity's knowledge base has this
 * rule without an ID, hence the Vigil- prefix.
 */
@RuleInfo(id = "Vigil-DynamoDB-001", title = "Enable Deletion Protection", risk = Risk.MEDIUM,
        categories = {Category.SECURITY, Category.RELIABILITY}, compliances = "NIST5",
        controls = {"NIST5:CM-3", "NIST5:SC-5(2)"},
        service = "DynamoDB", resource = DynamoDbTable.class, fields = "deletionProtection",
        remedy = EnableTableDeletionProtection.class)
public final class DynamoDbDeletionProtection implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (DynamoDbTable table : inventory.all(DynamoDbTable.class)) {
            if (findings.unresolved(table, table.deletionProtection(), "Deletion protection")) {
                continue;
            }
            if (((Value.Known<Boolean>) table.deletionProtection()).value()) {
                findings.pass(table, "Deletion protection is enabled");
            } else {
                findings.fail(table, "Deletion protection is not enabled: the table can be deleted by one call",
                        new EnableTableDeletionProtection(table.name()));
            }
        }
    }
}
