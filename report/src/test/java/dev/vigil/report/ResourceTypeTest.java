package dev.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import org.junit.jupiter.api.Test;

class ResourceTypeTest {

    @Test
    void everyKindARuleChecksHasItsAsffAndCloudFormationType() {
        for (RuleDefinition rule : Catalog.load().all()) {
            assertThat(ResourceType.known(rule.meta().resource())).as(rule.meta().id() + " checks "
                    + rule.meta().resource().getSimpleName() + ": add it to ResourceType").isTrue();
        }
    }
}
