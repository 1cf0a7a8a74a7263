package dev.vigil.cli;

import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.RateLimits;
import dev.vigil.aws.emulator.MotoServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The moto emulator for commands that need no AWS account (demo, bench), installed under the project's .vigil/. */
final class LocalEmulator {

    private LocalEmulator() {
    }

    static MotoServer start(String purpose) throws IOException, InterruptedException {
        return MotoServer.start(home().resolve(".vigil/venv"), log("moto-" + purpose));
    }

    /** A log file under the project's .vigil/, e.g. {@code log("moto-demo")}. */
    static Path log(String name) {
        return home().resolve(".vigil/" + name + ".log");
    }

    private static Path home() {
        return Path.of(System.getProperty("vigil.home", ".")).toAbsolutePath().normalize();
    }

    /**
     * Options for the emulator with dummy credentials and AWS's real pacing; an attempt may take a minute, as moto on
     * a busy machine can take many seconds to create a DB instance.
     */
    static AwsOptions options(MotoServer moto, List<String> regions) {
        return new AwsOptions(null, regions, moto.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("emulated", "emulated")), RateLimits.aws(),
                java.time.Duration.ofMinutes(1));
    }
}
