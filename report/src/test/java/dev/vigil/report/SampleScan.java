package dev.vigil.report;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleInfo;
import dev.vigil.core.rule.RuleMeta;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A template scan with every status, a suppression, a whole-file fault and a live check, for the CI formats. */
final class SampleScan {

    /** A stand-in rule whose article sits beside it (SampleRule.md in test resources). */
    @RuleInfo(id = "Sample-001", title = "Sample Tables Back Up", risk = Risk.HIGH,
            categories = Category.RELIABILITY, compliances = {"AWAF"}, service = "DynamoDB",
            resource = DynamoDbTable.class)
    static final class SampleRule implements Rule {
        @Override
        public void evaluate(Inventory inventory, Findings findings) {
        }
    }

    /** A rule that was run but produced no checks; it must still be described. */
    @RuleInfo(id = "Quiet-001", title = "Quiet Rule", risk = Risk.LOW, categories = Category.SECURITY,
            service = "DynamoDB", resource = DynamoDbTable.class)
    static final class QuietRule implements Rule {
        @Override
        public void evaluate(Inventory inventory, Findings findings) {
        }
    }

    static final RuleDefinition SAMPLE = RuleDefinition.of(new SampleRule());
    static final RuleDefinition QUIET = RuleDefinition.of(new QuietRule());
    static final RuleMeta RULE = SAMPLE.meta();
    private static final Origin.Template FILE = new Origin.Template("infra/my stack.yaml", 12, "infra/my stack.yaml");
    private static final Origin.Template BROKEN = new Origin.Template("infra/broken.yaml", 0, "infra/broken.yaml");

    private SampleScan() {
    }

    static ScanResult result() {
        return ScanResult.of(null, List.of(
                check(Status.FAILURE, "Orders", FILE, "Point-in-time recovery is not enabled <&\"'>", null),
                check(Status.FAILURE, "Cache", FILE, "Point-in-time recovery is not enabled", "rebuilt nightly"),
                check(Status.UNKNOWN, "Audit", FILE, "cannot be resolved: !Ref EnablePitr", null),
                check(Status.SUCCESS, "Sessions", FILE, "Point-in-time recovery is enabled", null),
                check(Status.ERROR, "cloudformation:parse@infra/broken.yaml", BROKEN,
                        "infra/broken.yaml:3: mapping values are not allowed here\u0001", null),
                new Check(RULE, Status.FAILURE, "arn:aws:dynamodb:us-east-1:123456789012:table/live", "live",
                        new Origin.Live("123456789012", "us-east-1"), "Point-in-time recovery is not enabled", null,
                        Map.of(), null)),
                List.of(),
                List.of(new Fault(BROKEN, Set.of(DynamoDbTable.class), "cloudformation:parse",
                        "infra/broken.yaml:3: mapping values are not allowed here")));
    }

    /** A scan of a live account: every status, faults for a region and for an account, a suppression, long texts. */
    static ScanResult live() {
        Origin.Live east = new Origin.Live("123456789012", "us-east-1");
        String table = "arn:aws:dynamodb:us-east-1:123456789012:table/";
        String longName = "t".repeat(255);
        return ScanResult.of("123456789012", List.of(
                live(Status.FAILURE, table + "orders", "orders", east, "Point-in-time recovery is not enabled", null),
                live(Status.SUCCESS, table + "users", "users", east, "Point-in-time recovery is enabled", null),
                live(Status.ERROR, table + "audit", "audit", east, "cannot be decided: dynamodb:DescribeContinuousBackups"
                        + " failed: AccessDeniedException", null),
                live(Status.FAILURE, table + "cache", "cache", east, "Point-in-time recovery is not enabled", "ephemeral"),
                live(Status.FAILURE, table + longName, longName, east, "x".repeat(3000), null),
                live(Status.ERROR, "dynamodb:ListTables@123456789012/eu-west-1", "123456789012/eu-west-1",
                        new Origin.Live("123456789012", "eu-west-1"), "AccessDeniedException: not authorized", null),
                live(Status.ERROR, "sts:AssumeRole@444455556666/global", "444455556666/global",
                        new Origin.Live("444455556666", "global"), "cannot scan account 444455556666", null),
                live(Status.FAILURE, "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/china", "china",
                        new Origin.Live("123456789012", "cn-north-1"), "Point-in-time recovery is not enabled", null)),
                List.of(), List.of());
    }

    private static Check live(Status status, String arn, String name, Origin.Live origin, String message,
                              String suppression) {
        return new Check(RULE, status, arn, name, origin, message, null, Map.of(), suppression);
    }

    private static Check check(Status status, String resource, Origin origin, String message, String suppression) {
        return new Check(RULE, status, resource, resource, origin, message, null, Map.of(), suppression);
    }

    /** When the sample scan ran, for the formats that stamp findings. */
    static final Instant TIME = Instant.parse("2025-03-04T05:06:07.089Z");

    static String render(Format format, ScanResult result) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.report(new ReportOptions(false, false, List.of(SAMPLE, QUIET), TIME)).write(result, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
