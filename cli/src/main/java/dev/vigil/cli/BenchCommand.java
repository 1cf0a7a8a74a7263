package dev.vigil.cli;

import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.CallStats;
import dev.vigil.aws.LiveScanner;
import dev.vigil.aws.RateLimits;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Catalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Seeds the emulator with R regions × T tables (and a few DB instances), scans with AWS's real pacing,
 * and prints wall time against the rate-limit floor, calls per operation against the minimum, and memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark a live scan against the moto emulator at AWS's published rate limits.")
final class BenchCommand implements Callable<Integer> {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2",
            "eu-central-1", "ap-northeast-1");

    @Option(names = "--regions", defaultValue = "1", description = "Regions to seed (1-6, default ${DEFAULT-VALUE}).")
    int regions;

    @Option(names = "--tables", defaultValue = "1000", description = "Tables per region (default ${DEFAULT-VALUE}).")
    int tables;

    @Option(names = "--databases", defaultValue = "5", description = "DB instances per region (default ${DEFAULT-VALUE}).")
    int databases;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (regions < 1 || regions > REGIONS.size()) {
            throw new IllegalArgumentException("--regions must be 1 to " + REGIONS.size());
        }
        List<String> scanned = REGIONS.subList(0, regions);
        PrintWriter out = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("vigil.home", ".")).toAbsolutePath().normalize();
        try (MotoServer moto = MotoServer.start(home.resolve(".vigil/venv"), home.resolve(".vigil/moto-bench.log"))) {
            AwsOptions options = new AwsOptions(null, scanned, moto.endpoint(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")), RateLimits.aws());
            seed(options, scanned);
            resetPeaks();
            long start = System.nanoTime();
            ScanResult result;
            CallStats stats;
            try (AwsConnection aws = new AwsConnection(options)) {
                result = new LiveScanner(aws).scan(Catalog.load().all(), (r, d, t, n) -> { });
                stats = aws.stats();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            report(out, result, stats, wall);
        }
        out.flush();
        return Vigil.OK;
    }

    private void seed(AwsOptions options, List<String> scanned) {
        try (AwsConnection aws = new AwsConnection(options)) {
            for (String region : scanned) {
                DynamoDbClient dynamo = aws.client(DynamoDbClient::builder, region);
                RdsClient rds = aws.client(RdsClient::builder, region);
                for (int i = 0; i < tables; i++) {
                    DemoAccount.createTable(dynamo, String.format("bench-%05d", i), i % 2 == 0);
                }
                for (int i = 0; i < databases; i++) {
                    DemoAccount.createDatabase(rds, "bench-db-" + i, "postgres", Map.of());
                }
            }
        }
    }

    private void report(PrintWriter out, ScanResult result, CallStats stats, double wall) throws IOException {
        // the floor: each region's DescribeContinuousBackups bucket (10/s, burst 10); regions run in parallel
        double floor = Math.max(0, (tables - 10) / 10.0);
        int listPages = (tables + 99) / 100 == 0 ? 1 : (tables + 99) / 100;
        Map<String, Long> minimum = Map.of(
                "dynamodb:ListTables", (long) Math.max(1, listPages) * regions,
                "dynamodb:DescribeContinuousBackups", (long) tables * regions,
                "rds:DescribeDBInstances", (long) regions,
                "rds:DescribeDBSnapshots", (long) (databases > 0 ? regions : 0),
                "backup:ListBackupPlans", (long) (databases > 0 ? regions : 0),
                "sts:GetCallerIdentity", 1L,
                "ec2:DescribeRegions", 1L);
        out.printf("shape: 1 account x %d regions x %d tables (+%d DB instances per region)%n", regions, tables, databases);
        out.printf("checks: %d (%d errors)%n", result.checks().size(),
                result.checks().stream().filter(c -> c.status() == dev.vigil.core.check.Status.ERROR).count());
        out.printf("wall time: %.2f s; rate-limit floor: %.2f s; ratio: %.3f%n", wall, floor,
                floor == 0 ? Double.NaN : wall / floor);
        out.printf("%-38s %8s %8s %8s%n", "operation", "calls", "minimum", "retries");
        stats.snapshot().forEach((op, c) -> out.printf("%-38s %8d %8s %8d%n", op, c.calls(),
                minimum.containsKey(op) ? minimum.get(op).toString() : "-", c.retries()));
        out.printf("peak heap during scan: %.1f MB; peak RSS during scan: %s%n", peakHeapMb(), peakRss());
    }

    private static void resetPeaks() throws IOException {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Path clearRefs = Path.of("/proc/self/clear_refs");
        if (Files.isWritable(clearRefs)) {
            Files.writeString(clearRefs, "5"); // resets VmHWM, the peak resident set size
        }
    }

    private static double peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;
    }

    private static String peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "n/a";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring(6).trim()).findFirst().orElse("n/a");
    }
}
