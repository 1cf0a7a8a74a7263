package dev.vigil.cli;

import dev.vigil.aws.Accounts;
import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.rule.Catalog;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The main job without an AWS account: a sample account in the moto emulator, scanned by the same code
 * path as {@code vigil scan}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the moto AWS emulator on 127.0.0.1, seed a sample account, scan it, stop the emulator.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        System.err.println("Starting the moto AWS emulator on 127.0.0.1 ...");
        try (MotoServer moto = LocalEmulator.start("demo")) {
            AwsOptions options = LocalEmulator.options(moto, List.of());
            try (AwsConnection seeding = new AwsConnection(options)) {
                DemoAccount.seed(seeding);
            }
            System.err.println("Seeded a sample account at " + moto.endpoint()
                    + ": DynamoDB tables with and without point-in-time recovery in us-east-1 and eu-west-1,"
                    + " RDS instances without AWS Backup. Scanning every region ...");
            ScanCommand.scan(options, new Accounts(false, List.of(), Accounts.DEFAULT_ROLE, null, 1), Catalog.load().all(),
                    output, null, null);
            System.err.println("Stopped the emulator. Scan a real account with: ./vigil scan [--profile NAME]");
            return Vigil.OK;
        }
    }
}
