package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Guards the catalog: every rule discovered, unique IDs, complete metadata, an article and a test each. */
class CatalogTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final List<String> ARTICLE_SECTIONS = List.of("## What it checks", "## Why it matters",
            "## Audit", "### Console", "### AWS CLI", "## Remediation", "### CloudFormation", "### Terraform");
    /** Compliance standard IDs Vigil knows; a mapping to anything else is a typo. */
    private static final Set<String> STANDARDS = Set.of("AWAF", "NIST4", "NIST5", "CISAWSF", "SOC2", "HIPAA",
            "ISO27001", "PCI", "GDPR", "APRA", "MAS", "NIST-CSF", "AGISM", "FEDRAMP");
    /**
     * Conformity's IDs are {@code SERVICE-NNN}, with a shorter prefix for a few services; a rule Conformity has no ID
     * for is {@code Vigil-SERVICE-NNN}, so the two can never collide.
     */
    private static final Pattern ID = Pattern.compile("(Vigil-)?([A-Za-z][A-Za-z0-9]*)-\\d{3}");   // S3-012
    private static final Map<String, String> CONFORMITY_PREFIXES = Map.of(
            "ElastiCache", "EC",
            "Redshift", "RS");

    @Test
    void discoversTheSeedRules() {
        assertThat(CATALOG.all()).extracting(r -> r.meta().id()).contains("DynamoDB-003", "Backup-001");
    }

    @Test
    void idsAreUniqueAndWellFormed() {
        List<String> ids = CATALOG.all().stream().map(r -> r.meta().id()).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> ID.matcher(id).matches());
    }

    @Test
    void metadataIsComplete() {
        for (RuleDefinition rule : CATALOG.all()) {
            RuleMeta m = rule.meta();
            assertThat(m.title()).as(m.id()).isNotBlank();
            assertThat(m.service()).as(m.id()).isNotBlank();
            assertThat(m.categories()).as(m.id()).isNotEmpty();
            assertThat(m.compliances()).as(m.id()).isNotEmpty().allMatch(STANDARDS::contains);
            Matcher id = ID.matcher(m.id());
            assertThat(id.matches() && (id.group(2).equals(m.service())
                    || id.group(1) == null && id.group(2).equals(CONFORMITY_PREFIXES.get(m.service()))))
                    .as(m.id() + " starts with its service " + m.service()).isTrue();
            assertThat(m.controls()).as(m.id() + " controls name standards it lists")
                    .allMatch(c -> c.contains(":") && m.compliances().contains(c.substring(0, c.indexOf(':'))));
            assertThat(java.util.Arrays.stream(m.resource().getRecordComponents()).map(c -> c.getName()))
                    .as(m.id() + " fields are fields of " + m.resource().getSimpleName()).containsAll(m.fields());
        }
    }

    @Test
    void everyRuleHasACompleteArticleAndATest() {
        for (RuleDefinition rule : CATALOG.all()) {
            String article = rule.article();
            assertThat(article).as(rule.meta().id() + " article").isNotNull()
                    .startsWith("# " + rule.meta().id() + " ").contains(ARTICLE_SECTIONS);
            String testName = rule.rule().getClass().getName() + "Test";
            assertThat(exists(testName)).as(testName).isTrue();
        }
    }

    @Test
    void unknownRuleIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> CATALOG.select(List.of("DynamoDB-999")))
                .hasMessageContaining("DynamoDB-999").hasMessageContaining("DynamoDB-003");
        assertThat(CATALOG.select(List.of("dynamodb-003"))).extracting(r -> r.meta().id())
                .containsExactly("DynamoDB-003");
    }

    @Test
    void dynamoDbRuleMapsNist4() {
        assertThat(CATALOG.find("DynamoDB-003").meta().compliances()).contains("NIST4");
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

}
