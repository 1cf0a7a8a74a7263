package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.RateLimits;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Catalog;
import dev.vigil.realtime.CloudTrailEvents;
import dev.vigil.realtime.EmulatedQueue;
import dev.vigil.realtime.Realtime;
import dev.vigil.service.AwsAccess;
import dev.vigil.service.ChannelMaker;
import dev.vigil.service.ConfigLoader;
import dev.vigil.service.Service;
import dev.vigil.service.ServiceConfig;
import dev.vigil.store.CheckFilter;
import dev.vigil.store.Run;
import dev.vigil.store.Runs;
import dev.vigil.store.Scope;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import dev.vigil.aws.emulator.Await;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Real-time re-checks measured on the moto emulator, {@code vigil serve} in-process at AWS's real pacing (and, with
 * {@code --aws-proxy}, behind a proxy that enforces AWS's rate limits as AWS would): the latency from posting an
 * event to its check changed in the store, the API calls each event costs, and the throughput of a burst of events
 * over many tables against DescribeContinuousBackups' 10 calls/s per account and region.
 */
@Command(name = "bench-realtime", mixinStandardHelpOptions = true,
        description = "Benchmark real-time re-checks on the moto emulator: event-to-stored-check latency, API calls "
                + "per event, and a burst of events over many tables.")
final class RealtimeBenchCommand implements Callable<Integer> {

    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--tables", defaultValue = "1000", description = "Tables of the burst (default ${DEFAULT-VALUE}).")
    int tables;
    @Option(names = "--events", defaultValue = "10000", description = "Events of the burst (default ${DEFAULT-VALUE}).")
    int events;
    @Option(names = "--samples", defaultValue = "20", description = "Single events timed one by one "
            + "(default ${DEFAULT-VALUE}).")
    int samples;
    @Option(names = "--window", defaultValue = "5s", description = "The coalescing window, as in the config "
            + "(default ${DEFAULT-VALUE}).")
    String window;
    @Option(names = "--aws-proxy", paramLabel = "FILE", description = "A rate-limit proxy script (python3 FILE PORT "
            + "UPSTREAM, with GET /__stats) to put in front of the emulator for the account's calls.")
    Path awsProxy;
    @Option(names = "--sqs-endpoint", paramLabel = "URL", description = "An SQS-compatible endpoint for the queue "
            + "instead of the emulator's (whose SQS slows down with every message it holds: a burst measures it, not "
            + "Vigil); scripts/bench-realtime.sh starts ElasticMQ for it.")
    URI sqsEndpoint;
    @Option(names = "--skip-burst", description = "Only the latency samples.") boolean skipBurst;

    @Spec
    CommandSpec spec;

    private final HttpClient http = HttpClient.newHttpClient();
    private volatile long serviceStart = System.nanoTime();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (MotoServer moto = LocalEmulator.start("bench-realtime")) {
            Process proxy = null;
            URI accountEndpoint = moto.endpoint();
            if (awsProxy != null) {
                int port = freePort();
                proxy = new ProcessBuilder("python3", awsProxy.toString(), Integer.toString(port),
                        moto.endpoint().toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                accountEndpoint = URI.create("http://127.0.0.1:" + port);
                URI stats = accountEndpoint.resolve("/__stats");
                await("the rate-limit proxy answers", Duration.ofSeconds(30), () -> stats(stats) != null);
            }
            try {
                run(out, moto, accountEndpoint, proxy != null);
            } finally {
                if (proxy != null) {
                    proxy.destroy();
                }
            }
        }
        out.flush();
        return Vigil.OK;
    }

    private void run(PrintWriter out, MotoServer moto, URI accountEndpoint, boolean proxied) throws Exception {
        AwsOptions direct = LocalEmulator.options(moto, List.of(REGION));
        // seeding and posting go straight to the emulator, fast: only the service's own calls are paced and counted
        AwsOptions seeding = new AwsOptions(null, List.of(REGION), moto.endpoint(), direct.credentials(),
                RateLimits.aws().with("dynamodb:*", new RateLimits.Rate(5000, 5000))
                        .with("sqs:*", new RateLimits.Rate(5000, 5000)));
        URI queueEndpoint = sqsEndpoint != null ? sqsEndpoint : moto.endpoint();
        AwsOptions queueing = new AwsOptions(null, List.of(REGION), queueEndpoint, seeding.credentials(), seeding.limits());
        EmulatedQueue queue;
        try (AwsConnection sqs = new AwsConnection(queueing)) {
            queue = EmulatedQueue.create(sqs.client(SqsClient::builder, REGION), "vigil-events-" + System.nanoTime());
        }
        String yaml = "accounts:\n  - id: \"" + ACCOUNT + "\"\n    name: bench\n    regions: [" + REGION + "]\n"
                + "    endpointUrl: " + accountEndpoint + "\n    schedule: 1d\n"
                + "    rules: { " + onlyDynamoDb003() + " }\n"
                + "cluster: { node: bench }\n"
                + "realtime:\n  queues:\n    - { url: \"" + queue.url() + "\", region: " + REGION + ", endpointUrl: \""
                + queueEndpoint + "\" }\n  window: " + window + "\n";
        ServiceConfig config = new ConfigLoader(Catalog.load(), ChannelMaker.NOTIFY, System::getenv).parse("bench.yaml", yaml);
        AwsAccess access = new AwsAccess(direct.credentials(), RateLimits.aws());
        Path dir = Files.createTempDirectory("vigil-bench-realtime");
        URI stats = proxied ? accountEndpoint.resolve("/__stats") : null;
        try (Store store = Store.open(StoreLocation.embedded(dir)); AwsConnection aws = new AwsConnection(seeding);
             AwsConnection queues = new AwsConnection(queueing)) {
            DynamoDbClient dynamo = aws.client(DynamoDbClient::builder, REGION);
            SqsClient sqs = queues.client(SqsClient::builder, REGION);
            long seedStart = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (int t = 0; t < tables; t++) {
                    String name = table(t);
                    boolean on = t % 3 == 0;   // the state the burst's events leave behind, in whatever order
                    pool.submit(() -> DemoAccount.createTable(dynamo, name, on));
                }
            }
            out.printf("seeded %d tables in %s in %.0f s; window %s; pacing: AWS's (DescribeContinuousBackups 10/s)%s%n",
                    tables, REGION, (System.nanoTime() - seedStart) / 1e9, window,
                    proxied ? "; the account's calls go through the rate-limit proxy" : "");
            // the account was scanned a moment ago: the service starts with no scan due, only the events to follow
            Run scan = store.runs().create(new Runs.NewRun(ACCOUNT, "bench", Run.Trigger.SCHEDULE, List.of(REGION),
                    List.of("DynamoDB-003"))).run();
            store.runs().startRegion(scan.id(), REGION, "bench");
            store.runs().commitRegion(scan.id(), new Scope(ACCOUNT, REGION, List.of()), List.of(), List.of(), 0);
            store.runs().closeIfComplete(scan.id());
            double posted = skipBurst ? 0 : post(sqs, queue);
            if (!skipBurst) {
                out.printf("burst: %d events over %d tables (%d per table, shuffled, creations and PITR changes both "
                        + "ways) queued before the service starts, in %.0f s (%s)%n", events, tables,
                        events / tables, posted, sqsEndpoint == null ? "the emulator's SQS" : "SQS at " + sqsEndpoint);
            }
            long proxyBefore = describes(stats);
            Instant started = Instant.now();
            long start = System.nanoTime();
            serviceStart = start;
            try (Service service = new Service(config, store, Catalog.load(), ChannelMaker.NOTIFY, access,
                    List.of(new Realtime(config.realtime(), access.credentials(), this::log)), line -> { })) {
                service.start();
                if (!skipBurst) {
                    burst(out, store, sqs, queue, stats, started, start, proxyBefore);
                }
                latency(out, store, dynamo, sqs, queue, stats);
            }
        }
    }

    /** Single events, one at a time: posted → the check changed in the store. */
    private void latency(PrintWriter out, Store store, DynamoDbClient dynamo, SqsClient sqs, EmulatedQueue queue,
                         URI stats) {
        List<Double> seconds = new ArrayList<>();
        List<Long> calls = new ArrayList<>();
        long proxyBefore = describes(stats);
        for (int i = 0; i < samples; i++) {
            String name = table(i % tables);
            boolean pitr = i % 2 == 0;
            dynamo.updateContinuousBackups(r -> r.tableName(name)
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(pitr)));
            Instant posted = Instant.now();
            long start = System.nanoTime();
            sqs.sendMessage(r -> r.queueUrl(queue.url())
                    .messageBody(CloudTrailEvents.dynamoDb(ACCOUNT, REGION, "UpdateContinuousBackups", name, pitr)));
            Status expected = pitr ? Status.SUCCESS : Status.FAILURE;
            await(name + " re-checked", Duration.ofSeconds(120), () -> store.checks().list(filter()).stream()
                    .anyMatch(c -> c.resourceName().equals(name) && c.status() == expected
                            && !c.lastModified().isBefore(posted)));
            seconds.add((System.nanoTime() - start) / 1e9);
            Run run = store.runs().list(ACCOUNT, 5).stream().filter(r -> r.trigger() == Run.Trigger.EVENT)
                    .findFirst().orElseThrow();
            await("run " + run.id() + " closes", Duration.ofSeconds(60),
                    () -> store.runs().get(run.id()).orElseThrow().outcome() != Run.Outcome.RUNNING);
            calls.add(store.runs().get(run.id()).orElseThrow().apiCalls());
        }
        out.printf("latency, event posted -> check changed in the store, %d single events: p50 %.2f s, p95 %.2f s, "
                + "max %.2f s (the window is %s of it)%n", samples, percentile(seconds, 50), percentile(seconds, 95),
                Collections.max(seconds), window);
        out.printf("API calls per single-table event: %s (each event run's own count)%s%n",
                calls.stream().collect(Collectors.groupingBy(c -> c, java.util.TreeMap::new, Collectors.counting()))
                        .entrySet().stream().map(e -> e.getKey() + " call(s) x " + e.getValue())
                        .collect(Collectors.joining(", ")),
                stats == null ? "" : "; DescribeContinuousBackups the proxy passed: " + (describes(stats) - proxyBefore));
    }

    /** Queues the burst: every table's events, shuffled; the events only say what to re-read. */
    private double post(SqsClient sqs, EmulatedQueue queue) {
        Random random = new Random(42);
        List<String> bodies = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            bodies.add(CloudTrailEvents.dynamoDb(ACCOUNT, REGION, i < tables ? "CreateTable" : "UpdateContinuousBackups",
                    table(i % tables), random.nextBoolean()));
        }
        Collections.shuffle(bodies, random);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < bodies.size(); i += 10) {
                List<String> batch = bodies.subList(i, Math.min(bodies.size(), i + 10));
                int offset = i;
                pool.submit(() -> sqs.sendMessageBatch(r -> r.queueUrl(queue.url()).entries(java.util.stream.IntStream
                        .range(0, batch.size()).mapToObj(j -> SendMessageBatchRequestEntry.builder()
                                .id(Integer.toString(offset + j)).messageBody(batch.get(j)).build()).toList())));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The queued burst from the service's start: every table's check right in the store, every message deleted, and
     * what it cost against DescribeContinuousBackups' 10 calls/s.
     */
    private void burst(PrintWriter out, Store store, SqsClient sqs, EmulatedQueue queue, URI stats, Instant started,
                       long start, long proxyBefore) {
        await("every table re-checked after the burst", Duration.ofMinutes(30), () -> store.checks().list(filter())
                .stream().filter(c -> !c.lastModified().isBefore(started)).filter(c -> {
                    int t = Integer.parseInt(c.resourceName().substring(6));
                    return c.status() == (t % 3 == 0 ? Status.SUCCESS : Status.FAILURE);
                }).count() == tables);
        double stored = (System.nanoTime() - start) / 1e9;
        await("every message deleted", Duration.ofMinutes(10), () -> messages(sqs, queue.url()) == 0);
        double settled = (System.nanoTime() - start) / 1e9;
        List<Run> runs = store.runs().list(ACCOUNT, 1000).stream()
                .filter(r -> r.trigger() == Run.Trigger.EVENT && !r.started().isBefore(started)).toList();
        await("the burst's runs close", Duration.ofMinutes(5), () -> runs.stream().allMatch(
                r -> store.runs().get(r.id()).orElseThrow().outcome() != Run.Outcome.RUNNING));
        List<Run> closed = runs.stream().map(r -> store.runs().get(r.id()).orElseThrow()).toList();
        long calls = closed.stream().mapToLong(Run::apiCalls).sum();
        double reading = closed.stream().mapToDouble(r -> Duration.between(r.started(), r.finished()).toMillis() / 1000.0)
                .sum();
        double floor = tables / 10.0;
        out.printf("burst: every table's check right in the store %.1f s after the service started, every message "
                + "deleted after %.1f s%n", stored, settled);
        out.printf("burst throughput: %.0f events/s, %.1f tables/s; floor (each table re-read once at 10 "
                + "DescribeContinuousBackups/s): %.0f s; ratio to the floor: %.2f%n", events / settled, tables / settled,
                floor, settled / floor);
        out.printf("burst API calls: %d in %d event run(s) (%.2f per table, %.3f per event), %.1f calls/s while they "
                + "ran%s%n", calls, closed.size(), (double) calls / tables, (double) calls / events, calls / reading,
                stats == null ? "" : "; DescribeContinuousBackups the proxy passed: " + (describes(stats) - proxyBefore)
                        + ", throttled: " + throttled(stats));
    }

    /** The realtime plugin's lines, on stderr with the seconds since the service started. */
    private void log(String line) {
        System.err.printf("  %6.1f s  %s%n", (System.nanoTime() - serviceStart) / 1e9, line);
    }

    private static CheckFilter filter() {
        return new CheckFilter(ACCOUNT, "DynamoDB-003", null, null, REGION, false, 0);
    }

    private static String table(int i) {
        return String.format("table-%05d", i);
    }

    private static String onlyDynamoDb003() {
        return Catalog.load().all().stream().map(r -> r.meta().id()).filter(id -> !id.equals("DynamoDB-003"))
                .map(id -> id + ": { enabled: false }").collect(Collectors.joining(", "));
    }

    private static int messages(SqsClient sqs, String url) {
        var a = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
        return Integer.parseInt(a.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(a.get("ApproximateNumberOfMessagesNotVisible"));
    }

    private JsonNode stats(URI stats) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private long describes(URI stats) {
        return count(stats, "calls");
    }

    private long throttled(URI stats) {
        return count(stats, "throttled");
    }

    /** The proxy's count of DescribeContinuousBackups calls of one kind (calls, throttled). */
    private long count(URI stats, String kind) {
        if (stats == null) {
            return 0;
        }
        JsonNode all = stats(stats);
        long n = 0;
        for (Map.Entry<String, JsonNode> e : all.properties()) {
            if (e.getKey().endsWith("|dynamodb|DescribeContinuousBackups")) {
                n += e.getValue().path(kind).asLong();
            }
        }
        return n;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        Await.until(what, timeout, condition, line -> new Vigil.UserException("bench-realtime " + line));
    }
}
