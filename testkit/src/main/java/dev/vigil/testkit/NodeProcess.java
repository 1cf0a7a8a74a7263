package dev.vigil.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** A node of the service as a process of its own, for the tests that kill one. */
public final class NodeProcess {

    private NodeProcess() {
    }

    /** Starts {@code main} with {@code args} in a JVM of its own, on this JVM's class path; its output goes to {@code log}. */
    public static Process start(Class<?> main, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * In the node's {@code main}: runs {@code start}, then waits until the process is told to stop (SIGTERM), which
     * runs {@code stop}.
     */
    public static void runUntilStopped(Callable<?> start, Runnable stop) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }));
        start.call();
        stopped.await();
    }
}
