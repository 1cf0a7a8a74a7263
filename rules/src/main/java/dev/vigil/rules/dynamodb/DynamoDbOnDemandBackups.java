package dev.vigil.rules.dynamodb;

import dev.vigil.core.model.DynamoDbBackup;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.BackUpTable;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import dev.vigil.core.rule.RuleSetting;
import dev.vigil.core.rule.Setting;
import dev.vigil.rules.Age;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One check per table: its newest on-demand backup, made by DynamoDB or by AWS Backup, must be at most the setting's
 * days old. Backups DynamoDB makes when a table is deleted ({@code SYSTEM}) belong to the deleted table, not to one
 * that has its name now. A template table has no backups before it exists: UNKNOWN.
 */
@RuleInfo(id = "DynamoDB-005", title = "DynamoDB Backup and Restore", risk = Risk.HIGH,
        categories = Category.RELIABILITY, compliances = {"AWAF", "HIPAA", "ISO27001", "NIST4", "NIST5", "SOC2"},
        controls = {"AWAF:REL09-BP01", "HIPAA:164.308(a)(7)(ii)(A)", "ISO27001:A.12.3.1", "NIST4:CP-9", "NIST5:CP-9",
                "NIST5:CP-10", "SOC2:A1.2"},
        service = "DynamoDB", resource = DynamoDbTable.class, reads = DynamoDbBackup.class, fields = "name",
        remedy = BackUpTable.class,
        settings = @RuleSetting(name = DynamoDbOnDemandBackups.MAXIMUM_AGE,
                label = "Newest on-demand backup at most (days old)", type = Setting.Type.INTEGER, value = "7",
                min = 1, max = 3650))
public final class DynamoDbOnDemandBackups implements Rule {

    static final String MAXIMUM_AGE = "maximumBackupAge";
    /** Backups made to be restored: by DynamoDB on request, or by AWS Backup. */
    private static final Set<String> ON_DEMAND = Set.of("USER", "AWS_BACKUP");
    /** A backup being created already holds its point in time. */
    private static final Set<String> RESTORABLE = Set.of("AVAILABLE", "CREATING");

    private final Clock clock;

    public DynamoDbOnDemandBackups() {
        this(Clock.systemUTC());
    }

    DynamoDbOnDemandBackups(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        long days = findings.integer(MAXIMUM_AGE);
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(days));
        Map<String, List<DynamoDbBackup>> byTable = inventory.all(DynamoDbBackup.class).stream()
                .filter(b -> ON_DEMAND.contains(b.type()) && RESTORABLE.contains(b.status()))
                .collect(Collectors.groupingBy(b -> b.origin().scope() + "|" + b.tableName()));
        for (DynamoDbTable table : inventory.all(DynamoDbTable.class)) {
            if (table.origin() instanceof Origin.Template) {
                findings.unknown(table, "On-demand backups are made of a table once it exists: a template cannot say "
                        + "whether this one will have a recent backup");
                continue;
            }
            Optional<DynamoDbBackup> newest = byTable.getOrDefault(table.origin().scope() + "|" + table.name(),
                    List.of()).stream().max(Comparator.comparing(DynamoDbBackup::created));
            if (newest.isPresent() && !newest.get().created().isBefore(cutoff)) {
                DynamoDbBackup b = newest.get();
                findings.pass(table, "Newest on-demand backup " + b.name() + " was made " + Age.ago(b.created(), now)
                        + (b.status().equals("CREATING") ? " and is still being created" : "") + ", within " + days
                        + " days", Map.of("lastBackup", b.created().toString()));
            } else {
                findings.fail(table, newest.map(b -> "Newest on-demand backup " + b.name() + " was made "
                                + Age.ago(b.created(), now) + ", more than " + days + " days ago")
                                .orElse("The table has no on-demand backup"),
                        new BackUpTable(table.name(), Long.toString(days)));
            }
        }
    }
}
