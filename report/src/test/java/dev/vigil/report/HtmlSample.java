package dev.vigil.report;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.EnablePointInTimeRecovery;
import dev.vigil.core.remedy.ProtectWithBackupPlan;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.Note;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A scan a person would read: the real catalog's rules and articles, live and template checks, a hostile name. */
final class HtmlSample {

    static final String HOSTILE = "<script>alert(1)</script>";
    static final List<RuleDefinition> RULES = Catalog.load().all();

    private HtmlSample() {
    }

    static RuleMeta rule(String id) {
        return RULES.stream().map(RuleDefinition::meta).filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    static ScanResult result() {
        RuleMeta pitr = rule("DynamoDB-003");
        RuleMeta backup = rule("Backup-001");
        Origin.Live east = new Origin.Live("123456789012", "us-east-1");
        Origin.Live west = new Origin.Live("123456789012", "eu-west-1");
        Origin.Template stack = new Origin.Template("infra/stack.yaml", 14, "infra/stack.yaml");
        String tables = "arn:aws:dynamodb:%s:123456789012:table/%s";
        String db = "arn:aws:rds:us-east-1:123456789012:db:";
        return ScanResult.of("123456789012", List.of(
                new Check(pitr, Status.FAILURE, tables.formatted("us-east-1", "orders"), "orders", east,
                        "Point-in-time recovery is not enabled", new EnablePointInTimeRecovery("orders"), Map.of(), null),
                new Check(pitr, Status.FAILURE, tables.formatted("eu-west-1", HOSTILE), HOSTILE, west,
                        "Point-in-time recovery is not enabled", new EnablePointInTimeRecovery(HOSTILE), Map.of(), null),
                new Check(pitr, Status.SUCCESS, tables.formatted("us-east-1", "users"), "users", east,
                        "Point-in-time recovery is enabled", null, Map.of(), null),
                new Check(pitr, Status.FAILURE, "Cache", "Cache", stack, "Point-in-time recovery is not enabled",
                        new EnablePointInTimeRecovery("Cache"), Map.of(), "rebuilt nightly from S3"),
                new Check(pitr, Status.UNKNOWN, "Audit", "Audit", stack, "cannot be resolved: !Ref EnablePitr", null,
                        Map.of(), null),
                new Check(backup, Status.FAILURE, db + "billing-db", "billing-db", east,
                        "not protected by AWS Backup", new ProtectWithBackupPlan(db + "billing-db", "billing-db"),
                        Map.of(), null),
                new Check(backup, Status.SUCCESS, db + "reporting-db", "reporting-db", east,
                        "protected by backup plan nightly", null, Map.of(), null),
                new Check(backup, Status.ERROR, "rds:DescribeDBInstances@123456789012/ap-south-1",
                        "123456789012/ap-south-1", new Origin.Live("123456789012", "ap-south-1"),
                        "AccessDeniedException: not authorized", null, Map.of(), null)),
                List.of(new Note("Backup-001", "123456789012/us-east-1", "us-east-1",
                        "AWS Backup is in use for Amazon RDS in us-east-1 (1 of 2 DB instances protected)")),
                List.of(new Fault(new Origin.Live("123456789012", "ap-south-1"), Set.of(DynamoDbTable.class),
                        "rds:DescribeDBInstances", "AccessDeniedException: not authorized")));
    }

    static String render(ScanResult result) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Format.HTML.report(new ReportOptions(false, false, RULES, SampleScan.TIME)).write(result, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
