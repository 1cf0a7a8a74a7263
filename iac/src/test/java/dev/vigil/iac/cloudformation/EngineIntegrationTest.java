package dev.vigil.iac.cloudformation;

import static dev.vigil.iac.cloudformation.Fixtures.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.Engine;
import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Value;
import dev.vigil.core.model.Wildcard;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loaded inventory through core's engine, with stand-ins for the catalog's DynamoDB-003 and Backup-001
 * written only against the model (the real rules live in the rules module): relations hold within a
 * template, unknowns and faults surface as UNKNOWN and ERROR.
 */
class EngineIntegrationTest {

    private static final RuleDefinition PITR = RuleDefinition.of(new PitrRule());
    private static final RuleDefinition BACKUP = RuleDefinition.of(new BackupRule());

    @RuleInfo(id = "TEST-PITR", title = "PITR", risk = Risk.MEDIUM, categories = Category.RELIABILITY,
            service = "DynamoDB", resource = DynamoDbTable.class)
    static final class PitrRule implements Rule {

        @Override
        public void evaluate(Inventory inventory, Findings findings) {
            for (DynamoDbTable table : inventory.all(DynamoDbTable.class)) {
                if (!findings.unresolved(table, table.pointInTimeRecovery(), "PITR")) {
                    if (table.pointInTimeRecovery().equals(Value.known(PitrStatus.ENABLED))) {
                        findings.pass(table, "enabled");
                    } else {
                        findings.fail(table, "disabled", null);
                    }
                }
            }
        }
    }

    @RuleInfo(id = "TEST-BACKUP", title = "Backup", risk = Risk.HIGH, categories = Category.RELIABILITY,
            service = "RDS", resource = RdsInstance.class, reads = BackupSelection.class)
    static final class BackupRule implements Rule {

        @Override
        public void evaluate(Inventory inventory, Findings findings) {
            for (RdsInstance db : inventory.all(RdsInstance.class)) {
                boolean covered = inventory.all(BackupSelection.class).stream()
                        .filter(s -> s.origin().scope().equals(db.origin().scope()))
                        .anyMatch(s -> selects(s, db));
                if (covered) {
                    findings.pass(db, "selected");
                } else {
                    findings.fail(db, "not selected", null);
                }
            }
        }
    }

    private static boolean selects(BackupSelection selection, RdsInstance db) {
        boolean byArn = selection.resources().stream()
                .anyMatch(r -> r instanceof Value.Known<String> k && Wildcard.matches(k.value(), db.arn()));
        boolean byTag = selection.listOfTags().stream().anyMatch(t -> t.test(db.tags()));
        boolean excluded = selection.notResources().stream()
                .anyMatch(r -> r instanceof Value.Known<String> k && Wildcard.matches(k.value(), db.arn()));
        return (byArn || byTag) && selection.conditions().stream().allMatch(c -> c.test(db.tags())) && !excluded;
    }

    @Test
    void rulesRunOnTemplatesAndParseFaultsBecomeErrors() {
        CloudFormationScan scan = Fixtures.load("discovery");

        List<Check> checks = Engine.evaluate("templates", List.of(PITR), scan.inventory()).checkList();

        String dir = ROOT + "discovery/";
        assertThat(checks).extracting(Check::resource, Check::status).containsExactlyInAnyOrder(
                tuple("Nested", Status.FAILURE), tuple("Stack", Status.FAILURE), tuple("Table", Status.SUCCESS),
                tuple("cloudformation:parse@" + dir + "broken.yaml", Status.ERROR));
    }

    @Test
    void unresolvedValuesAreUnknownNamingTheExpression() {
        CloudFormationScan scan = Fixtures.load("dynamodb/tables.yaml");

        List<Check> checks = Engine.evaluate("templates", List.of(PITR), scan.inventory()).checkList();

        assertThat(checks).filteredOn(c -> c.status() == Status.UNKNOWN).extracting(Check::resource, Check::message)
                .containsExactlyInAnyOrder(tuple("Audit", "PITR cannot be resolved: !Ref EnablePitr"),
                        tuple("Imported", "PITR cannot be resolved: !ImportValue shared-pitr"));
    }

    @Test
    void selectionsCoverInstancesOfTheSameTemplateAndUndecidedSelectionsTurnFailuresIntoErrors() {
        CloudFormationScan scan = Fixtures.load("backup");

        List<Check> checks = Engine.evaluate("templates", List.of(BACKUP), scan.inventory()).checkList();

        String yaml = ROOT + "backup/selections.yaml";
        assertThat(checks).extracting(c -> c.origin().scope(), Check::resource, Check::status, Check::message)
                .containsExactlyInAnyOrder(
                        tuple(ROOT + "backup/selections.json", "Db", Status.SUCCESS, "selected"),
                        tuple(yaml, "Db", Status.SUCCESS, "selected"),
                        tuple(yaml, "AuroraMember", Status.SUCCESS, "selected"),
                        tuple(yaml, "Replica", Status.ERROR, "cannot be decided: cloudformation:evaluate failed: "
                                + yaml + ":115: tag test of backup selection UndecidedTags cannot be decided:"
                                + " !Ref Schedule"));
    }
}
