package dev.vigil.aws.emulator;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The moto AWS emulator in server mode, installed on first use into a virtual environment inside the
 * project and bound to 127.0.0.1 on a free port. Used by {@code vigil demo} and by the tests.
 */
public final class MotoServer implements AutoCloseable {

    /** Pinned so every machine emulates AWS the same way. */
    public static final String MOTO = "moto[server]==5.2.5";

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Installs moto into {@code venv} if needed, starts it, and waits until it answers. */
    public static MotoServer start(Path venv, Path log) throws IOException, InterruptedException {
        Path server = install(venv);
        int port = freePort();
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(server.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // AWS managed policies exist in every real account (AWS Backup's role policy among them)
        builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
        // moto's ~1,300 built-in AMIs come with snapshots of another owner that its DescribeSnapshots lists whatever
        // OwnerIds says (AWS filters them out), at seconds per call; no demo or test uses them
        builder.environment().put("MOTO_EC2_LOAD_DEFAULT_AMIS", "false");
        Process p = builder.start();
        MotoServer moto = new MotoServer(p, URI.create("http://127.0.0.1:" + port));
        moto.awaitReady(Duration.ofSeconds(60), log);
        return moto;
    }

    /** The path of {@code moto_server} in {@code venv}, installing it first when absent. */
    public static Path install(Path venv) throws IOException, InterruptedException {
        Path server = venv.resolve("bin").resolve("moto_server");
        if (Files.isExecutable(server)) {
            return server;
        }
        System.err.println("Installing the moto AWS emulator into " + venv + " (once) ...");
        run(List.of(python(), "-m", "venv", venv.toString()));
        run(List.of(venv.resolve("bin").resolve("pip").toString(), "install", "--quiet",
                "--disable-pip-version-check", MOTO));
        if (!Files.isExecutable(server)) {
            throw new IOException("moto installed but " + server + " is missing");
        }
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every resource, so tests start from an empty account. */
    public void reset() throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.getOutputStream().close();
        if (c.getResponseCode() != 200) {
            throw new IOException("moto reset answered HTTP " + c.getResponseCode());
        }
    }

    @Override
    public void close() {
        stop(process);
    }

    /** Stops a helper process and its children: asked first, then forced after 5 s. */
    public static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("moto_server did not answer within " + timeout.toSeconds() + " s; see " + log);
    }

    /** The Python 3 to run helpers with: VIGIL_PYTHON, else python3. */
    public static String python() {
        String fromEnv = System.getenv("VIGIL_PYTHON");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "python3";
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
