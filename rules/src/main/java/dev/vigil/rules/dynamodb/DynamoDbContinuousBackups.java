package dev.vigil.rules.dynamodb;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.EnablePointInTimeRecovery;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import java.util.Map;

@RuleInfo(id = "DynamoDB-003", title = "DynamoDB Continuous Backups", risk = Risk.HIGH,
        categories = Category.RELIABILITY, compliances = {"AWAF", "NIST4", "NIST5"},
        service = "DynamoDB", resource = DynamoDbTable.class,
        fields = {"pointInTimeRecovery", "recoveryPeriodDays", "pitrFix"},
        remedy = EnablePointInTimeRecovery.class)
public final class DynamoDbContinuousBackups implements Rule {

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        for (DynamoDbTable table : inventory.all(DynamoDbTable.class)) {
            if (findings.unresolved(table, table.pointInTimeRecovery(), "Point-in-time recovery status")) {
                continue;
            }
            PitrStatus status = ((Value.Known<PitrStatus>) table.pointInTimeRecovery()).value();
            String period = table.recoveryPeriodDays() == null ? ""
                    : " (recovery period " + table.recoveryPeriodDays() + " days)";
            Map<String, Object> properties = table.recoveryPeriodDays() == null ? Map.of()
                    : Map.of("recoveryPeriodDays", table.recoveryPeriodDays());
            switch (status) {
                case ENABLED -> findings.pass(table, "Point-in-time recovery is enabled" + period, properties);
                case ENABLING -> findings.pass(table,
                        "Point-in-time recovery is being enabled; AWS reports ENABLING" + period, properties);
                case DISABLED -> findings.fail(table, "Point-in-time recovery is not enabled"
                        + (table.pitrFix() == null ? "" : ": " + table.pitrFix()),
                        new EnablePointInTimeRecovery(table.name()));
            }
        }
    }
}
