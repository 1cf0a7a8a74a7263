package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.aws.emulator.MotoServer;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A rate-limit-faithful proxy in front of the emulator, for {@code vigil bench --proxy}: a script that takes
 * {@code PORT UPSTREAM [--steal-pct P] [--fault-pct P] [--latency-ms N]}, enforces AWS's published buckets per
 * account and region, throttles as a competing consumer or at random would, and reports its counts at
 * {@code GET /__stats} as {@code {"ACCESS_KEY|REGION|SERVICE|OPERATION": {"calls": n, "throttled": n}}}.
 */
final class ThrottlingProxy implements AutoCloseable {

    /** What the proxy counted for one operation, over every account and region. */
    record Counts(long calls, long throttled) {}

    private final Process process;
    private final URI endpoint;

    private ThrottlingProxy(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static ThrottlingProxy start(Path script, URI upstream, double stealPct, double faultPct, double latencyMs,
                                 Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(MotoServer.python(), script.toString(), Integer.toString(port),
                upstream.toString(), "--steal-pct", Double.toString(stealPct), "--fault-pct",
                Double.toString(faultPct), "--latency-ms", Double.toString(latencyMs)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ThrottlingProxy proxy = new ThrottlingProxy(p, URI.create("http://127.0.0.1:" + port));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IOException(script + " exited with " + p.exitValue() + "; see " + log);
            }
            try {
                proxy.stats();
                return proxy;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        proxy.close();
        throw new IOException(script + " did not answer within 20 s; see " + log);
    }

    URI endpoint() {
        return endpoint;
    }

    /** Calls and throttles per operation ({@code service:Operation}), summed over accounts and regions. */
    java.util.Map<String, Counts> stats() throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/__stats").toURL().openConnection();
        c.setConnectTimeout(1000);
        c.setReadTimeout(5000);
        JsonNode root = new ObjectMapper().readTree(c.getInputStream());
        java.util.Map<String, Counts> out = new java.util.TreeMap<>();
        root.fields().forEachRemaining(e -> {
            String[] key = e.getKey().split("\\|");
            String operation = key[2] + ":" + key[3];
            Counts before = out.getOrDefault(operation, new Counts(0, 0));
            out.put(operation, new Counts(before.calls() + e.getValue().path("calls").asLong(),
                    before.throttled() + e.getValue().path("throttled").asLong()));
        });
        return out;
    }

    @Override
    public void close() {
        MotoServer.stop(process);
    }
}
