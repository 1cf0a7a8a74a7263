package dev.vigil.cli;

import dev.vigil.aws.Accounts;
import dev.vigil.aws.AwsConnection;
import dev.vigil.aws.AwsOptions;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.rule.Catalog;
import dev.vigil.service.ChannelMaker;
import dev.vigil.service.AwsAccess;
import dev.vigil.service.ConfigLoader;
import dev.vigil.service.Service;
import dev.vigil.service.ServiceConfig;
import dev.vigil.store.Run;
import dev.vigil.store.Store;
import dev.vigil.store.StoreLocation;
import dev.vigil.aws.emulator.Await;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The main job without an AWS account: a sample account in the moto emulator, scanned by the same code
 * path as {@code vigil scan}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the moto AWS emulator on 127.0.0.1, seed a sample account, scan it, run the service on it "
                + "once (runs, diff), stop the emulator.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    @Option(names = "--realtime", description = "Show real-time re-checks instead: the service on the emulator, a "
            + "table changed, its CloudTrail event posted, the store changed seconds later.")
    boolean realtime;

    @Override
    public Integer call() throws Exception {
        System.err.println("Starting the moto AWS emulator on 127.0.0.1 ...");
        try (MotoServer moto = LocalEmulator.start("demo")) {
            AwsOptions options = LocalEmulator.options(moto, List.of());
            try (AwsConnection seeding = new AwsConnection(options)) {
                DemoAccount.seed(seeding);
            }
            if (realtime) {
                RealtimeDemo.run(moto, options);
                return Vigil.OK;
            }
            System.err.println("Seeded a sample account at " + moto.endpoint()
                    + ": DynamoDB tables with and without point-in-time recovery in us-east-1 and eu-west-1,"
                    + " RDS instances without AWS Backup (one with backups, copied tags and deletion protection,"
                    + " one without), public and private, encrypted and unencrypted RDS snapshots, Aurora clusters"
                    + " with and without deletion protection, EBS volumes with and without a snapshot, encrypted and"
                    + " unencrypted snapshots, S3 buckets with and without versioning, lifecycle rules and Object Lock,"
                    + " Aurora, Neptune, Redshift and ElastiCache clusters that pass and fail the cluster rules,"
                    + " DynamoDB tables with and without an on-demand backup, deletion protection and a customer"
                    + " managed key, AWS Backup vaults and plans in "
                    + DemoAccount.BACKUP_REGION + "."
                    + " Scanning every region ...");
            DemoAccount.NOT_EMULATED.forEach((rule, why) -> System.err.println("Not run on the emulator: " + rule
                    + " (" + why + ")"));
            ScanCommand.scan(options, new Accounts(false, List.of(), Accounts.DEFAULT_ROLE, null, 1), Catalog.load().all()
                    .stream().filter(r -> !DemoAccount.NOT_EMULATED.containsKey(r.meta().id())).toList(), output, null,
                    null);
            serve(moto, options);
            System.err.println("Stopped the emulator. Scan a real account with: ./vigil scan [--profile NAME]");
            return Vigil.OK;
        }
    }

    /** Prints {@code $ vigil ARGS} and runs it on the demo's store in {@code dir}. */
    static void show(Path dir, String... args) {
        System.out.println();
        System.out.println("$ vigil " + String.join(" ", args));
        String[] withStore = Arrays.copyOf(args, args.length + 2);
        withStore[args.length] = "--data-dir";
        withStore[args.length + 1] = dir.toString();
        Vigil.run(withStore, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** The {@code accounts:} of the demo's config: the emulated account, without the rules the emulator cannot run. */
    static String accounts(MotoServer moto) {
        StringBuilder yaml = new StringBuilder("accounts:\n  - id: \"123456789012\"\n    name: demo\n"
                + "    regions: [us-east-1, eu-west-1]\n    endpointUrl: " + moto.endpoint() + "\n");
        if (!DemoAccount.NOT_EMULATED.isEmpty()) {
            yaml.append("    rules:\n");
            DemoAccount.NOT_EMULATED.keySet().forEach(rule -> yaml.append("      ").append(rule)
                    .append(": { enabled: false }\n"));
        }
        return yaml.toString();
    }

    /**
     * The service on the same account: {@code vigil serve} in-process on a throw-away embedded store, one scheduled
     * run, then {@code vigil runs} and {@code vigil diff} of it.
     */
    private static void serve(MotoServer moto, AwsOptions options) throws Exception {
        System.err.println();
        System.err.println("Starting the service (vigil serve) on a temporary store for one scheduled run ...");
        Path dir = Files.createTempDirectory("vigil-demo-store");
        ServiceConfig config = new ConfigLoader(Catalog.load(), ChannelMaker.NOTIFY, System::getenv)
                .parse("demo.yaml", accounts(moto));
        String runId;
        try (Store store = Store.open(StoreLocation.embedded(dir));
             Service service = new Service(config, store, Catalog.load(), ChannelMaker.NOTIFY,
                     new AwsAccess(options.credentials(), options.limits()), List.of(), line -> System.err.println("  " + line))) {
            service.start();
            Await.until("the scheduled run finishes", Duration.ofMinutes(2), () -> store.runs().last("123456789012")
                    .map(r -> r.outcome() != Run.Outcome.RUNNING).orElse(false),
                    line -> new Vigil.UserException("the demo " + line));
            runId = store.runs().last("123456789012").orElseThrow().id();
        }
        show(dir, "runs");
        show(dir, "diff", runId);
        System.err.println("Run it on your accounts: ./vigil serve --example-config > vigil.yaml, edit it, then "
                + "./vigil serve --config vigil.yaml");
    }
}
