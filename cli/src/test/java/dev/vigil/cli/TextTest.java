package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.rule.Catalog;
import org.junit.jupiter.api.Test;

class TextTest {

    /** The store's listings stream, so their rule column is sized by the catalog: every ID fits, none shifts its row. */
    @Test
    void everyRuleIdOfTheCatalogFitsTheRuleColumn() {
        int width = String.format(Text.RULE_COLUMN, "").length();
        assertThat(Catalog.load().all()).allSatisfy(r -> assertThat(r.meta().id().length()).isLessThanOrEqualTo(width));
        assertThat(Catalog.load().all()).anySatisfy(r -> assertThat(r.meta().id()).hasSize(width));
    }

    @Test
    void aLongTextIsCutWithAnEllipsis() {
        assertThat(Text.cut("analytics-aurora-monthly", 10)).isEqualTo("analytics…");
        assertThat(Text.cut(null, 10)).isEmpty();
    }
}
