package dev.vigil.cli;

import dev.vigil.aws.Accounts;
import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.CallStats;
import dev.vigil.aws.MultiAccountScanner;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.Engine;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Value;
import dev.vigil.core.rule.Catalog;
import dev.vigil.report.Format;
import dev.vigil.report.ReportOptions;
import dev.vigil.report.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Seeds the emulator with accounts × regions × tables (and a few DB instances per region), scans them
 * through the organization path at AWS's real pacing, and prints wall time against the rate-limit floor,
 * calls per operation against the minimum, and memory. {@code --synthetic N} instead measures the
 * memory of evaluating and reporting an in-memory inventory of N resources.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark a live scan against the moto emulator at AWS's published rate limits.")
final class BenchCommand implements Callable<Integer> {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2",
            "eu-central-1", "ap-northeast-1");
    private static final String ROLE = "VigilBench";

    @Option(names = "--accounts", defaultValue = "1", description = "Accounts (default ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--regions", defaultValue = "1", description = "Regions per account, 1-6 (default ${DEFAULT-VALUE}).")
    int regions;

    @Option(names = "--tables", defaultValue = "1000", description = "Tables per region (default ${DEFAULT-VALUE}).")
    int tables;

    @Option(names = "--databases", defaultValue = "5", description = "DB instances per region (default ${DEFAULT-VALUE}).")
    int databases;

    @Option(names = "--proxy", paramLabel = "SCRIPT",
            description = "Scan through this rate-limit-faithful proxy script (e.g. awsproxy.py) in front of the "
                    + "emulator; the floor is then that of the capacity it leaves.")
    Path proxy;

    @Option(names = "--steal-pct", defaultValue = "0", paramLabel = "P",
            description = "With --proxy: a competing consumer takes P% of every bucket (default ${DEFAULT-VALUE}).")
    double stealPct;

    @Option(names = "--fault-pct", defaultValue = "0", paramLabel = "P",
            description = "With --proxy: P% of calls are throttled at random (default ${DEFAULT-VALUE}).")
    double faultPct;

    @Option(names = "--latency-ms", defaultValue = "0", paramLabel = "MS",
            description = "With --proxy: added round trip per call (default ${DEFAULT-VALUE}).")
    double latencyMs;

    @Option(names = "--synthetic", paramLabel = "N",
            description = "No emulator: evaluate and report an in-memory inventory of N resources, print memory.")
    Integer synthetic;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (synthetic != null) {
            synthetic(out, synthetic);
        } else {
            emulated(out);
        }
        out.flush();
        return Vigil.OK;
    }

    private void emulated(PrintWriter out) throws Exception {
        if (regions < 1 || regions > REGIONS.size() || accounts < 1) {
            throw new Vigil.UserException("--regions must be 1 to " + REGIONS.size() + " and --accounts at least 1");
        }
        List<String> scanned = REGIONS.subList(0, regions);
        if (proxy != null && !Files.isRegularFile(proxy)) {
            throw new Vigil.UserException("--proxy " + proxy + ": no such file");
        }
        try (MotoServer moto = LocalEmulator.start("bench")) {
            AwsOptions options = LocalEmulator.options(moto, scanned);
            seed(options, scanned);
            try (ThrottlingProxy throttling = proxy == null ? null : ThrottlingProxy.start(proxy, moto.endpoint(),
                    stealPct, faultPct, latencyMs, LocalEmulator.log("bench-proxy"))) {
                AwsOptions scanning = throttling == null ? options
                        : new AwsOptions(null, scanned, throttling.endpoint(), options.credentials(), options.limits(),
                        options.attemptTimeout());
                PeakMemory.reset();
                long start = System.nanoTime();
                ScanResult result;
                CallStats stats;
                try (AwsConnection aws = new AwsConnection(scanning)) {
                    result = new MultiAccountScanner(aws, new Accounts(true, List.of(), ROLE, null, 8))
                            .scan(Catalog.load().all(), (r, d, t, n) -> { });
                    stats = aws.stats();
                }
                double wall = (System.nanoTime() - start) / 1e9;
                report(out, result, stats, wall);
                if (throttling != null) {
                    reportProxy(out, throttling.stats());
                }
            }
        }
    }

    /** The management account plus accounts-1 members, each seeded through its role. */
    private void seed(AwsOptions options, List<String> scanned) {
        try (AwsConnection management = new AwsConnection(options)) {
            OrganizationsClient org = management.client(OrganizationsClient::builder, "aws-global");
            org.createOrganization(r -> r.featureSet("ALL"));
            for (int i = 1; i < accounts; i++) {
                int n = i;
                org.createAccount(r -> r.accountName("bench-" + n).email("bench-" + n + "@example.com"));
            }
            for (var account : org.listAccounts().accounts()) {
                AwsCredentialsProvider credentials = account.id().equals("123456789012") ? options.credentials()
                        : StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(management.client(StsClient::builder, "us-east-1"))
                        .refreshRequest(r -> r.roleArn("arn:aws:iam::" + account.id() + ":role/" + ROLE)
                                .roleSessionName("seed")).build();
                try (AwsConnection aws = new AwsConnection(options.withCredentials(credentials))) {
                    for (String region : scanned) {
                        DynamoDbClient dynamo = aws.client(DynamoDbClient::builder, region);
                        for (int t = 0; t < tables; t++) {
                            DemoAccount.createTable(dynamo, String.format("bench-%05d", t), t % 2 == 0);
                        }
                        RdsClient rds = aws.client(RdsClient::builder, region);
                        for (int d = 0; d < databases; d++) {
                            DemoAccount.createDatabase(rds, "bench-db-" + d, "postgres", Map.of());
                        }
                    }
                }
            }
        }
    }

    private void report(PrintWriter out, ScanResult result, CallStats stats, double wall) throws IOException {
        // the floor: each (account, region) has its own DescribeContinuousBackups bucket (10/s, burst 10), all
        // running at once, so the largest region sets it. A competing consumer leaves (1 - steal) of its rate and
        // burst; random throttles still spend a token each, so a table takes 1 / (1 - fault) tokens on average.
        double left = 1 - stealPct / 100;
        double rate = 10 * left;
        double burst = Math.max(1, 10 * left);
        double floor = Math.max(0, (tables / (1 - faultPct / 100) - burst) / rate);
        long cells = (long) accounts * regions;
        long dbRegions = databases > 0 ? cells : 0;
        Map<String, Long> minimum = new LinkedHashMap<>();
        minimum.put("dynamodb:ListTables", cells * Math.max(1, (tables + 99) / 100));
        minimum.put("dynamodb:DescribeContinuousBackups", cells * tables);
        // DynamoDB-004 and Vigil-DynamoDB-001 read one DescribeTable per table between them; DynamoDB-005 one listing
        minimum.put("dynamodb:DescribeTable", cells * tables);
        minimum.put("dynamodb:ListBackups", cells);
        minimum.put("rds:DescribeDBInstances", cells);
        // the manual snapshots of every region (RDS-023, RDS-040), and AWS Backup's where there are instances
        // (Backup-001); none is seeded, so no restore attribute is read
        minimum.put("rds:DescribeDBSnapshots", cells + dbRegions);
        minimum.put("rds:DescribeDBClusterSnapshots", cells);
        minimum.put("rds:DescribeDBClusters", cells);
        // Backup-001 reads the region's opt-in where it judges DB instances
        minimum.put("backup:DescribeRegionSettings", dbRegions);
        // Vigil-Backup-002 reads plans in every region (Backup-001 shares the listing); vaults are listed once
        minimum.put("backup:ListBackupPlans", cells);
        minimum.put("backup:ListBackupVaults", cells);
        minimum.put("ec2:DescribeRegions", (long) accounts);
        // no EBS volumes or snapshots are seeded: one page of each, and no public-snapshot listing
        minimum.put("ec2:DescribeSnapshots", cells);
        minimum.put("ec2:DescribeVolumes", cells);
        minimum.put("sts:GetCallerIdentity", (long) accounts);
        minimum.put("sts:AssumeRole", (long) accounts - 1);
        minimum.put("organizations:ListAccounts", 1L);
        out.printf("shape: %d accounts x %d regions x %d tables (+%d DB instances per region)%n", accounts, regions,
                tables, databases);
        List<Check> checks = result.checkList();
        out.printf("checks: %d (%d errors)%n", checks.size(), checks.stream().filter(c -> c.status() == Status.ERROR).count());
        if (proxy != null) {
            out.printf("proxy: a competing consumer takes %.0f%% of each bucket, %.0f%% of calls throttled at random, "
                    + "%.0f ms added per call%n", stealPct, faultPct, latencyMs);
        }
        out.printf("wall time: %.2f s; rate-limit floor: %.2f s; ratio: %.3f%n", wall, floor,
                floor == 0 ? Double.NaN : wall / floor);
        CallStats.Count describes = stats.snapshot().get("dynamodb:DescribeContinuousBackups");
        if (describes != null && describes.attempts() > 0) {
            double span = stats.span("dynamodb:DescribeContinuousBackups");
            out.printf("DescribeContinuousBackups: %d attempts, %d throttled (%.1f%%), first to last attempt %.2f s "
                            + "(ratio to the floor %.3f)%n", describes.attempts(), describes.throttles(),
                    100.0 * describes.throttles() / describes.attempts(), span, floor == 0 ? Double.NaN : span / floor);
        }
        out.printf("%-38s %8s %8s %8s %9s%n", "operation", "calls", "minimum", "retries", "throttles");
        stats.snapshot().forEach((op, c) -> out.printf("%-38s %8d %8s %8d %9d%n", op, c.calls(),
                minimum.containsKey(op) ? minimum.get(op).toString() : "-", c.retries(), c.throttles()));
        long calls = stats.snapshot().values().stream().mapToLong(CallStats.Count::calls).sum();
        out.printf("%-38s %8d %8d%n", "total", calls, minimum.values().stream().mapToLong(Long::longValue).sum());
        out.printf("peak heap during scan: %.1f MB; peak RSS during scan: %s%n", PeakMemory.heapMb(), PeakMemory.rss());
    }

    /** What the proxy counted: calls it let through and throttles it answered, per operation. */
    private static void reportProxy(PrintWriter out, Map<String, ThrottlingProxy.Counts> counts) {
        out.printf("%-38s %8s %9s %9s%n", "proxy: operation", "served", "throttled", "share");
        counts.forEach((op, c) -> out.printf("%-38s %8d %9d %8.1f%%%n", op, c.calls(), c.throttled(),
                100.0 * c.throttled() / Math.max(1, c.calls() + c.throttled())));
    }

    /** Evaluates and reports (JSON, to nowhere) an inventory of n resources, 1 in 10 of them DB instances. */
    private static void synthetic(PrintWriter out, int n) throws IOException {
        PeakMemory.reset();
        long start = System.nanoTime();
        Inventory inventory = new Inventory();
        List<String> regions = new ArrayList<>(REGIONS);
        for (int i = 0; i < n; i++) {
            String region = regions.get(i % regions.size());
            Origin.Live origin = new Origin.Live("123456789012", region);
            if (i % 10 == 0) {
                String arn = "arn:aws:rds:" + region + ":123456789012:db:db-" + i;
                inventory.add(new RdsInstance(origin, arn, "db-" + i, arn, "postgres", null, null,
                        Map.of("team", "t" + i % 7), Value.known(i % 30 == 0 ? 0L : 7L), Value.known(i % 20 == 0),
                        Value.known(i % 20 == 0)));
            } else {
                inventory.add(new DynamoDbTable(origin, "arn:aws:dynamodb:" + region + ":123456789012:table/t-" + i,
                        "t-" + i, Value.known(i % 3 == 0 ? DynamoDbTable.PitrStatus.DISABLED : DynamoDbTable.PitrStatus.ENABLED),
                        i % 3 == 0 ? null : 35));
            }
        }
        ScanResult result = Engine.evaluate("123456789012", Catalog.load().all(), inventory);
        Summary.Tally tally = new Summary.Tally();
        Format.JSON.report(new ReportOptions(false, false)).write(result.peek(tally), OutputStream.nullOutputStream());
        double wall = (System.nanoTime() - start) / 1e9;
        out.printf("synthetic inventory: %d resources, %d checks, evaluated and written as JSON in %.2f s%n", n,
                tally.summary().total(), wall);
        out.printf("peak heap: %.1f MB; peak RSS: %s (max heap %d MB)%n", PeakMemory.heapMb(), PeakMemory.rss(),
                Runtime.getRuntime().maxMemory() / 1_000_000);
    }
}
