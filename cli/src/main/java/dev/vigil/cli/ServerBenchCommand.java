package dev.vigil.cli;

import dev.vigil.core.rule.Catalog;
import dev.vigil.server.Listen;
import dev.vigil.server.Server;
import dev.vigil.service.AwsAccess;
import dev.vigil.service.ChannelMaker;
import dev.vigil.service.Service;
import dev.vigil.service.ServiceConfig;
import dev.vigil.store.CheckQuery;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The server's figures at scale: a store filled with a million checks, {@code vigil serve}'s server on loopback, then
 * the latency of {@code GET /v1/checks} pages (p50, p95), requests per second under concurrent clients, and the time
 * the dashboard's overview takes to render; on the embedded database and, with {@code --database-url}, PostgreSQL.
 */
@Command(name = "bench-server", mixinStandardHelpOptions = true,
        description = "Benchmark the API and the dashboard over a store with a million checks.")
final class ServerBenchCommand implements Callable<Integer> {

    @Option(names = "--checks", defaultValue = "1000000", description = "Checks in the store (default ${DEFAULT-VALUE}).")
    int checks;
    @Option(names = "--samples", defaultValue = "200", description = "Pages timed one at a time (default ${DEFAULT-VALUE}).")
    int samples;
    @Option(names = "--clients", defaultValue = "50", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;
    @Option(names = "--seconds", defaultValue = "20", description = "How long the clients run (default ${DEFAULT-VALUE}).")
    int seconds;
    @Option(names = "--database-url", paramLabel = "URL",
            description = "Also on this (empty) PostgreSQL database.") String databaseUrl;
    @Option(names = "--skip-h2", description = "Only PostgreSQL.") boolean skipH2;
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The embedded store's directory (default: a new temporary one); a store already holding the "
                    + "checks is measured as it is.") Path dataDir;

    @Spec
    CommandSpec spec;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!skipH2) {
            bench(out, "H2 (embedded)", StoreLocation.embedded(dataDir != null ? dataDir
                    : Files.createTempDirectory("vigil-bench-server")));
        }
        if (databaseUrl != null) {
            bench(out, "PostgreSQL", StoreLocation.parse(databaseUrl));
        }
        out.flush();
        return Vigil.OK;
    }

    private void bench(PrintWriter out, String name, StoreLocation location) throws Exception {
        try (Store store = Store.open(location)) {
            long total = store.checks().count(CheckQuery.ALL);
            if (total < checks) {
                long start = System.nanoTime();
                total += BenchStore.fill(store, checks - (int) total);
                out.printf("%s: %d checks written in %.0f s%n", name, total, (System.nanoTime() - start) / 1e9);
            } else {
                out.printf("%s: the store already holds %d checks%n", name, total);
            }
            out.flush();
            String key = store.apiKeys().create("bench-" + System.nanoTime(), true).secret();
            Server server = new Server(new Listen("127.0.0.1", 0), line -> { });
            try (Service service = new Service(ServiceConfig.empty(), store, Catalog.load(), ChannelMaker.NOTIFY,
                    AwsAccess.defaults(), List.of(server), line -> { })) {
                service.start();
                String base = "http://127.0.0.1:" + server.port();
                long pages = Math.min(total, 10_000) / 100;
                String account = BenchStore.account(0);
                List<String> shapes = List.of(
                        "page%5Bsize%5D=100",
                        "page%5Bsize%5D=100&page%5Bnumber%5D=RANDOM",
                        "filter%5BaccountIds%5D=" + account + "&filter%5Bstatuses%5D=FAILURE&page%5Bsize%5D=100",
                        "filter%5BriskLevels%5D=HIGH&filter%5Bregions%5D=eu-west-1&page%5Bsize%5D=1000");
                List<String> labels = List.of("first page of 100, no filter", "a random page of 100 (first 10,000)",
                        "one account's failing checks, 100", "risk HIGH in one region, 1,000");
                for (int s = 0; s < shapes.size(); s++) {
                    List<Double> times = new ArrayList<>();
                    for (int i = 0; i < samples / shapes.size(); i++) {
                        String query = shapes.get(s).replace("RANDOM",
                                Long.toString(ThreadLocalRandom.current().nextLong(Math.max(1, pages))));
                        long t = System.nanoTime();
                        get(base + "/v1/checks?" + query, "ApiKey " + key);
                        times.add((System.nanoTime() - t) / 1e6);
                    }
                    out.printf("%s: GET /v1/checks, %s: p50 %.1f ms, p95 %.1f ms (%d requests, one at a time)%n",
                            name, labels.get(s), percentile(times, 50), percentile(times, 95), times.size());
                    out.flush();
                }
                load(out, name, base, key, pages);
                overview(out, name, base, store);
            }
        }
    }

    /** {@code clients} virtual threads requesting random pages for {@code seconds}. */
    private void load(PrintWriter out, String name, String base, String key, long pages) throws Exception {
        AtomicLong done = new AtomicLong();
        java.util.Map<Integer, Long> failed = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        int status = get(base + "/v1/checks?page%5Bsize%5D=100&page%5Bnumber%5D="
                                + ThreadLocalRandom.current().nextLong(Math.max(1, pages)), "ApiKey " + key);
                        times.add((System.nanoTime() - t) / 1e6);
                        if (status == 200) {
                            done.incrementAndGet();
                        } else {
                            failed.merge(status, 1L, Long::sum);
                        }
                    }
                    return null;
                });
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        out.printf("%s: %d clients for %d s: %.1f requests/s (%d answered 200%s), p50 %.1f ms, p95 %.1f ms%n",
                name, clients, seconds, done.get() / wall, done.get(), failed.isEmpty() ? "" : "; not: " + failed,
                percentile(times, 50), percentile(times, 95));
        out.flush();
    }

    /** The overview page, signed in through the dashboard's form with a key of its own. */
    private void overview(PrintWriter out, String name, String base, Store store) throws Exception {
        String key = store.apiKeys().create("bench-dashboard-" + System.nanoTime(), true).secret();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("key=" + key + "&next=/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException(
                "signing in failed: HTTP " + signIn.statusCode())).split(";")[0];
        for (String days : List.of("30", "90")) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                long t = System.nanoTime();
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/?days=" + days))
                        .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
                times.add((System.nanoTime() - t) / 1e6);
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("the overview answered HTTP " + page.statusCode());
                }
            }
            out.printf("%s: dashboard overview (%s-day trend): median %.0f ms, slowest %.0f ms (7 renders, first "
                    + "included)%n", name, days, percentile(times, 50), percentile(times, 100));
        }
        out.flush();
    }

    private int get(String url, String authorization) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted;
        synchronized (values) {
            sorted = values.stream().sorted().toList();
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
