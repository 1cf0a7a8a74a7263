package dev.vigil.aws;

import dev.vigil.aws.emulator.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** One moto server for the whole test JVM, started on first use and stopped when the JVM exits. */
public final class Emulator {

    private static MotoServer moto;

    private Emulator() {
    }

    public static synchronized MotoServer moto() {
        if (moto == null) {
            Path root = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
            try {
                moto = MotoServer.start(root.resolve(".vigil/venv"), root.resolve(".vigil/moto-test.log"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(moto::close));
        }
        return moto;
    }

    /** An empty emulated account. */
    public static MotoServer fresh() {
        try {
            moto().reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return moto;
    }

    /**
     * Options for the emulator (or a proxy in front of it), with pacing fast enough for tests, and a minute before
     * an attempt counts as stuck: moto, on a machine shared with other builds, can take many seconds to create a DB
     * instance. TimeoutsTest sets AWS's own timeouts back.
     */
    public static AwsOptions options(java.net.URI endpoint, List<String> regions) {
        RateLimits fast = RateLimits.aws()
                .with("dynamodb:DescribeContinuousBackups", new RateLimits.Rate(2000, 2000))
                .with("rds:Describe*", new RateLimits.Rate(2000, 2000));
        return new AwsOptions(null, regions, endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")), fast,
                java.time.Duration.ofMinutes(1));
    }
}
