package dev.vigil.aws;

import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Catalog;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;

/** Some rules scanned live through the real scanner against the emulator, with the calls the scan made. */
record RuleScan(ScanResult result, CallStats stats) {

    static RuleScan of(URI endpoint, List<String> regions, List<String> rules) {
        try (AwsConnection aws = new AwsConnection(Emulator.options(endpoint, regions))) {
            return new RuleScan(new LiveScanner(aws).scan(Catalog.load().select(rules), (r, d, t, n) -> { }),
                    aws.stats());
        }
    }

    /** "RULE name" → status of every check. */
    Map<String, Status> statuses() {
        return result.checkList().stream().collect(Collectors.toMap(c -> c.rule().id() + " " + c.resourceName(),
                Check::status));
    }

    /** (rule, resource name, status) of every check. */
    List<Tuple> verdicts() {
        return result.checkList().stream().map(c -> tuple(c.rule().id(), c.resourceName(), c.status())).toList();
    }

    Check check(String rule, String name) {
        return result.checkList().stream().filter(c -> c.rule().id().equals(rule) && c.resourceName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(rule + " " + name + " in " + result.checkList()));
    }
}
