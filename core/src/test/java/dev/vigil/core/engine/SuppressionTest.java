package dev.vigil.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleMeta;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final RuleMeta RULE = new RuleMeta("DynamoDB-003", "t", Risk.HIGH, List.of(Category.RELIABILITY),
            List.of(), "DynamoDB", DynamoDbTable.class, Set.of(DynamoDbTable.class), null);
    private static final Origin.Template FILE = new Origin.Template("t.yaml", 3, "t.yaml");

    private static Check check(String resource) {
        return new Check(RULE, Status.FAILURE, resource, resource, FILE, "off", null, Map.of(), null);
    }

    @Test
    void marksOnlyTheNamedChecksAndKeepsTheirStatus() {
        Suppression cache = (scope, resource, rule) -> scope.equals("t.yaml") && resource.equals("Cache")
                && rule.equals("DynamoDB-003") ? Optional.of("rebuilt nightly") : Optional.empty();
        ScanResult result = cache.applyTo(ScanResult.of(null, List.of(check("Cache"), check("Orders")), List.of(),
                List.of()));
        assertThat(result.checkList()).extracting(Check::suppression).containsExactly("rebuilt nightly", null);
        assertThat(result.checkList()).extracting(Check::status).containsOnly(Status.FAILURE);
    }

    @Test
    void orConsultsTheSecondLookupOnlyWhereTheFirstHasNoReason() {
        Suppression first = (scope, resource, rule) -> resource.equals("A") ? Optional.of("first") : Optional.empty();
        Suppression second = (scope, resource, rule) -> Optional.of("second");
        Suppression both = first.or(second);
        assertThat(both.reason("t.yaml", "A", "x")).contains("first");
        assertThat(both.reason("t.yaml", "B", "x")).contains("second");
        assertThat(Suppression.NONE.reason("t.yaml", "A", "x")).isEmpty();
    }
}
