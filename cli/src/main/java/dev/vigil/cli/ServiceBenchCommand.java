package dev.vigil.cli;

import dev.vigil.aws.AccountConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.CallStats;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Catalog;
import dev.vigil.service.ChannelMaker;
import dev.vigil.service.AwsAccess;
import dev.vigil.service.ConfigLoader;
import dev.vigil.service.Service;
import dev.vigil.service.ServiceConfig;
import dev.vigil.store.CheckFilter;
import dev.vigil.store.Run;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The service's figures: a full scheduled round of {@code vigil serve} over many accounts on the moto emulator
 * (each account through an assumed role, at AWS's real pacing), and the store holding a million checks (its size,
 * and listing one account's failing checks) on the embedded database and, with {@code --database-url}, PostgreSQL.
 */
@Command(name = "bench-service", mixinStandardHelpOptions = true,
        description = "Benchmark vigil serve on the moto emulator and the store with a million checks.")
final class ServiceBenchCommand implements Callable<Integer> {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2");
    private static final String CALLER = "123456789012";

    @Option(names = "--accounts", defaultValue = "50") int accounts;
    @Option(names = "--regions", defaultValue = "2") int regions;
    @Option(names = "--tables", defaultValue = "200") int tables;
    @Option(names = "--threads", defaultValue = "50", description = "Jobs at once (default ${DEFAULT-VALUE}).") int threads;
    @Option(names = "--checks", defaultValue = "1000000", description = "Checks in the store benchmark (0: skip it).")
    int checks;
    @Option(names = "--skip-round", description = "Only the store benchmark.") boolean skipRound;
    @Option(names = "--database-url", paramLabel = "URL",
            description = "Also run the store benchmark on this (empty) PostgreSQL database.") String databaseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!skipRound) {
            round(out);
        }
        if (checks > 0) {
            Path dir = Files.createTempDirectory("vigil-bench-store");
            storeBench(out, "H2 (embedded)", StoreLocation.embedded(dir));
            if (databaseUrl != null) {
                storeBench(out, "PostgreSQL", StoreLocation.parse(databaseUrl));
            }
        }
        out.flush();
        return Vigil.OK;
    }

    private String accountId(int i) {
        return i == 0 ? CALLER : String.format("%012d", 100000000000L + i);
    }

    private void round(PrintWriter out) throws Exception {
        List<String> scanned = REGIONS.subList(0, Math.min(regions, REGIONS.size()));
        try (MotoServer moto = LocalEmulator.start("bench-service")) {
            AwsOptions options = LocalEmulator.options(moto, List.of());
            long seedStart = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (int a = 0; a < accounts; a++) {
                    String id = accountId(a);
                    for (String region : scanned) {
                        pool.submit(() -> seed(options, id, region));
                    }
                }
            }
            out.printf("seeded %d accounts x %d regions x %d tables in %.0f s%n", accounts, scanned.size(), tables,
                    (System.nanoTime() - seedStart) / 1e9);
            StringBuilder yaml = new StringBuilder("accounts:\n");
            for (int a = 0; a < accounts; a++) {
                String id = accountId(a);
                yaml.append("  - id: \"").append(id).append("\"\n")
                        .append(a == 0 ? "" : "    roleArn: arn:aws:iam::" + id + ":role/VigilReadOnly\n")
                        .append("    regions: [").append(String.join(", ", scanned)).append("]\n")
                        .append("    endpointUrl: ").append(moto.endpoint()).append('\n')
                        .append("    rules: { Backup-001: { enabled: false } }\n");
            }
            yaml.append("cluster: { node: bench, threads: ").append(threads)
                    .append(", pollingInterval: 200ms, planEvery: 1s, heartbeat: 5s }\n");
            ServiceConfig config = new ConfigLoader(Catalog.load(), ChannelMaker.NOTIFY, System::getenv)
                    .parse("bench.yaml", yaml.toString());
            Path dir = Files.createTempDirectory("vigil-bench-serve");
            try (Store store = Store.open(StoreLocation.embedded(dir))) {
                PeakMemory.reset();
                long start = System.nanoTime();
                try (Service service = new Service(config, store, Catalog.load(), ChannelMaker.NOTIFY,
                        new AwsAccess(options.credentials(), options.limits()), List.of(), line -> { })) {
                    service.start();
                    while (!allClosed(store)) {
                        Thread.sleep(200);
                    }
                }
                double wall = (System.nanoTime() - start) / 1e9;
                report(out, store, scanned.size(), wall);
            }
        }
    }

    private boolean allClosed(Store store) {
        for (int a = 0; a < accounts; a++) {
            var last = store.runs().last(accountId(a));
            if (last.isEmpty() || last.get().outcome() == Run.Outcome.RUNNING) {
                return false;
            }
        }
        return true;
    }

    private void seed(AwsOptions options, String account, String region) {
        String role = account.equals(CALLER) ? null : "arn:aws:iam::" + account + ":role/VigilReadOnly";
        try (AccountConnection c = AccountConnection.open(options.withRegions(List.of(region)), role, null, region,
                new CallStats())) {
            DynamoDbClient dynamo = c.connection().client(DynamoDbClient::builder, region);
            for (int t = 0; t < tables; t++) {
                DemoAccount.createTable(dynamo, String.format("bench-%05d", t), t % 2 == 0);
            }
        }
    }

    private void report(PrintWriter out, Store store, int regionCount, double wall) throws Exception {
        long jobs = (long) accounts * regionCount;
        // per job, AWS's DescribeContinuousBackups bucket (10/s, burst 10) sets the pace; `threads` jobs run at once
        double perJob = Math.max(0, (tables - 10) / 10.0);
        double floor = Math.ceil((double) jobs / threads) * perJob;
        long minimum = jobs * (Math.max(1, (tables + 99) / 100) + tables) + (accounts - 1L) * regionCount;
        long calls = 0;
        int succeeded = 0;
        long checksStored = 0;
        for (int a = 0; a < accounts; a++) {
            Run run = store.runs().last(accountId(a)).orElseThrow();
            calls += run.apiCalls();
            succeeded += run.outcome() == Run.Outcome.SUCCEEDED ? 1 : 0;
            checksStored += run.jobs().stream().mapToLong(j -> j.checks()).sum();
        }
        out.printf("round: %d accounts x %d regions x %d tables, %d jobs, %d at once%n", accounts, regionCount, tables,
                jobs, threads);
        out.printf("runs succeeded: %d of %d; checks committed: %d%n", succeeded, accounts, checksStored);
        out.printf("wall time: %.1f s; rate-limit floor: %.1f s (%d waves of %.0f s); ratio: %.2f%n", wall, floor,
                (long) Math.ceil((double) jobs / threads), perJob, floor == 0 ? Double.NaN : wall / floor);
        out.printf("API calls: %d; minimum: %d (per job: ListTables per 100 tables, DescribeContinuousBackups per table; "
                + "AssumeRole per member account and region; Backup-001 is off: no RDS)%n", calls, minimum);
        out.printf("peak heap of vigil serve during the round: %.1f MB; peak RSS: %s%n", PeakMemory.heapMb(),
                PeakMemory.rss());
    }

    /** Writes {@code checks} checks through the lifecycle (1,000 per commit), then measures size and a listing. */
    private void storeBench(PrintWriter out, String name, StoreLocation location) throws Exception {
        try (Store store = Store.open(location)) {
            long start = System.nanoTime();
            long total = BenchStore.fill(store, checks);
            double load = (System.nanoTime() - start) / 1e9;
            long bytes = store.diskBytes();
            String account = BenchStore.account(0);
            CheckFilter failing = CheckFilter.ALL.withAccount(account).withStatus(Status.FAILURE);
            List<Double> full = new ArrayList<>();
            List<Double> page = new ArrayList<>();
            int rows = 0;
            for (int i = 0; i < 7; i++) {
                long t = System.nanoTime();
                rows = store.checks().list(failing).size();
                full.add((System.nanoTime() - t) / 1e6);
                t = System.nanoTime();
                store.checks().list(new CheckFilter(account, null, Status.FAILURE, null, null, false, 100));
                page.add((System.nanoTime() - t) / 1e6);
            }
            out.printf("%s: %d checks (with their history rows) written in %.0f s (%.0f checks/s)%n", name, total, load,
                    total / load);
            out.printf("%s: size on disk %.0f MB, %.0f MB per million checks%n", name, bytes / 1e6,
                    bytes / 1e6 / (total / 1e6));
            out.printf("%s: one account's failing checks (%d of %d stored): median %.1f ms for all, %.1f ms for the "
                    + "first 100 (7 runs, first included)%n", name, rows, total, median(full), median(page));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
