package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.EmulatorProxy.Request;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A scan of every rule of the catalog on the demo account (every region, as {@code vigil demo} scans it) makes no call
 * twice (issue 10, item 6), and --stats' calls per rule group add up to its calls. Requests are read at a proxy in front
 * of moto: one call is one SDK invocation, whose retries share its {@code amz-sdk-invocation-id}; two calls are the
 * same when they ask the same operation of the same region with the same path, query and body (a next page differs
 * by its token). Rules moto cannot judge (the demo leaves them out) are in: their calls are made all the same.
 */
class DemoScanCallsTest {

    @Test
    void aScanOfAllRulesOnTheDemoAccountMakesNoCallTwice() throws Exception {
        try (EmulatorProxy proxy = new EmulatorProxy(Emulator.fresh().endpoint())) {
            try (AwsConnection seeding = new AwsConnection(Emulator.options(proxy.endpoint(), List.of()))) {
                DemoAccount.seed(seeding);
            }
            int seeded = proxy.requests().size();
            try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of()))) {
                List<RuleDefinition> all = Catalog.load().all();
                ScanResult result = new LiveScanner(aws).scan(all, (r, d, t, n) -> { });
                assertThat(result.checkList()).as("checks; faults: %s", result.faults()).isNotEmpty();

                List<Request> sent = proxy.requests();
                Map<String, Request> calls = sent.subList(seeded, sent.size()).stream().collect(Collectors.toMap(
                        r -> r.header("amz-sdk-invocation-id"), Function.identity(), (first, retry) -> first,
                        LinkedHashMap::new));
                Map<String, Long> asked = calls.values().stream().collect(Collectors.groupingBy(
                        r -> r.region() + " " + r.operation() + " " + r.method() + " " + r.path() + "?" + r.query()
                                + " " + r.body(), Collectors.counting()));
                assertThat(asked.entrySet()).as("calls made more than once").filteredOn(e -> e.getValue() > 1)
                        .isEmpty();
                assertThat(asked).containsKey(DemoAccount.BACKUP_REGION + " GET /backup/plans/ GET "
                        + "/backup/plans/?maxResults=100 ");   // the listing two collectors read: made, once

                long total = aws.stats().snapshot().values().stream().mapToLong(CallStats.Count::calls).sum();
                assertThat(calls).hasSize((int) total);
                Map<String, Long> groups = aws.stats().byGroup();
                assertThat(groups.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
                assertThat(groups).containsKeys(CallStats.ACCOUNT, "Backup", "DynamoDB", "EBS", "RDS");
            }
        }
    }
}
