package dev.vigil.store;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.EnablePointInTimeRecovery;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleMeta;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks of a DynamoDB rule in one account, as a job would produce them. */
final class Fixtures {

    static final String ACCOUNT = "111122223333";
    static final RuleMeta RULE = new RuleMeta("DynamoDB-003", "DynamoDB Continuous Backups", Risk.HIGH,
            List.of(Category.RELIABILITY), List.of("NIST4"), "DynamoDB", DynamoDbTable.class,
            Set.of(DynamoDbTable.class), null);

    private Fixtures() {
    }

    static Scope scope(String region) {
        return new Scope(ACCOUNT, region, List.of(RULE));
    }

    static Check check(String region, String table, Status status) {
        String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + table;
        return new Check(RULE, status, arn, table, new Origin.Live(ACCOUNT, region),
                status == Status.FAILURE ? "Point-in-time recovery is not enabled" : "ok",
                status == Status.FAILURE ? new EnablePointInTimeRecovery(table) : null, Map.of(), null);
    }

    static String id(String region, String table) {
        return "ccc:" + ACCOUNT + ":DynamoDB-003:DynamoDB:" + region + ":" + table;
    }

    static Fault fault(String region) {
        return new Fault(new Origin.Live(ACCOUNT, region), Set.of(DynamoDbTable.class), "dynamodb:ListTables",
                "AccessDeniedException: not authorized");
    }
}
