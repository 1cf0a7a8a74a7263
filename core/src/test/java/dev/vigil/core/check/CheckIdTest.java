package dev.vigil.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleMeta;
import dev.vigil.core.model.DynamoDbTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckIdTest {

    private static final RuleMeta RULE = new RuleMeta("DynamoDB-003", "t", Risk.HIGH, List.of(Category.RELIABILITY),
            List.of(), "DynamoDB", DynamoDbTable.class, Set.of(DynamoDbTable.class), null);

    private static Check check(String resource, String name, Origin origin) {
        return new Check(RULE, Status.FAILURE, resource, name, origin, "m", null, Map.of(), null);
    }

    @Test
    void liveChecksAreNamedByAccountRuleServiceRegionAndTheResourcesOwnId() {
        Check c = check("arn:aws:dynamodb:eu-west-1:123456789012:table/orders", "orders",
                new Origin.Live("123456789012", "eu-west-1"));
        assertThat(CheckId.of(c)).isEqualTo("ccc:123456789012:DynamoDB-003:DynamoDB:eu-west-1:orders");
    }

    @Test
    void aFaultCheckKeepsItsScopedResource() {
        Check c = check("dynamodb:ListTables@123456789012/eu-west-1", "123456789012/eu-west-1",
                new Origin.Live("123456789012", "eu-west-1"));
        assertThat(CheckId.of(c))
                .isEqualTo("ccc:123456789012:DynamoDB-003:DynamoDB:eu-west-1:dynamodb:ListTables@123456789012/eu-west-1");
    }

    @Test
    void templateChecksAreNamedByFileAndAddress() {
        Check c = check("aws_dynamodb_table.orders", "orders", new Origin.Template("infra/main.tf", 3, "infra"));
        assertThat(CheckId.of(c)).isEqualTo("ccc:template:DynamoDB-003:DynamoDB:infra/main.tf:aws_dynamodb_table.orders");
    }
}
