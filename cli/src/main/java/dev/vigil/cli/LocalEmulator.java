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
        Path home = Path.of(System.getProperty("vigil.home", ".")).toAbsolutePath().normalize();
        return MotoServer.start(home.resolve(".vigil/venv"), home.resolve(".vigil/moto-" + purpose + ".log"));
    }

    /** Options for the emulator with dummy credentials and AWS's real pacing. */
    static AwsOptions options(MotoServer moto, List<String> regions) {
        return new AwsOptions(null, regions, moto.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("emulated", "emulated")), RateLimits.aws());
    }
}
