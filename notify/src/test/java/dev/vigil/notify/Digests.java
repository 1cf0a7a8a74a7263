package dev.vigil.notify;

import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Risk;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Digests for channel tests, with values that must be escaped in every format. */
final class Digests {

    /** A message an attacker could put into a resource's name or tag: a Slack mention, a link, markup. */
    static final String HOSTILE = "<!channel> <https://evil.example|click> & \"quoted\" 'x' <b>bold</b>\nsecond line";

    static final String TABLE_ARN = "arn:aws:dynamodb:eu-west-1:111122223333:table/customers";

    private Digests() {
    }

    static Digest.Item item(String rule, Risk risk, String region, String resource, String message, Status status) {
        return new Digest.Item("ccc:111122223333:" + rule + ":Service:" + region + ":" + resource, rule, rule + " title",
                risk, region, resource, resource.substring(resource.lastIndexOf('/') + 1), message,
                List.of("reliability"), List.of("AWAF", "NIST5"), status);
    }

    /** Two new failures (one hostile), one resolved, four still failing. */
    static Digest sample() {
        return new Digest("run-42", "111122223333", "production", List.of("us-east-1", "eu-west-1"),
                Instant.parse("2026-03-01T12:00:00Z"), Instant.parse("2026-03-01T12:03:00Z"), "succeeded",
                List.of(item("Backup-001", Risk.LOW, "us-east-1", "arn:aws:rds:us-east-1:111122223333:db:orders",
                                "RDS instance is not protected by AWS Backup", Status.FAILURE),
                        item("DynamoDB-003", Risk.HIGH, "eu-west-1", TABLE_ARN + "<script>", HOSTILE, Status.FAILURE)),
                List.of(item("DynamoDB-003", Risk.HIGH, "us-east-1",
                        "arn:aws:dynamodb:us-east-1:111122223333:table/orders", "Point-in-time recovery is enabled",
                        Status.SUCCESS)),
                Map.of(Risk.HIGH, 3, Risk.LOW, 1), "https://vigil.example/runs/run-42?tab=diff&x=1");
    }

    /** {@code n} new failures of decreasing risk, to show the top items and the number left out. */
    static Digest many(int n) {
        List<Digest.Item> items = IntStream.range(0, n).mapToObj(i -> item("DynamoDB-003",
                Risk.values()[i % Risk.values().length], "us-east-1",
                "arn:aws:dynamodb:us-east-1:111122223333:table/t" + String.format("%03d", i), "PITR off",
                Status.FAILURE)).toList();
        return new Digest("run-7", "111122223333", "111122223333", List.of("us-east-1"), Instant.EPOCH, Instant.EPOCH,
                "partial", items, List.of(), Map.of(), null);
    }

    static ChannelConfig config(String name, String type, Map<String, Object> settings) {
        return new ChannelConfig(name, type, ChannelFilter.ALL, settings);
    }
}
