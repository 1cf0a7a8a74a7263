package dev.vigil.cli;

import dev.vigil.core.rule.Catalog;
import dev.vigil.service.ChannelMaker;
import dev.vigil.service.AwsAccess;
import dev.vigil.service.ConfigLoader;
import dev.vigil.service.Service;
import dev.vigil.service.ServiceConfig;
import dev.vigil.service.ServicePlugin;
import dev.vigil.server.Listen;
import dev.vigil.server.Server;
import dev.vigil.store.Store;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil serve}: the service in the foreground until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service: re-check the configured accounts on schedule, keep history, notify channels.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "The YAML config (without it: no accounts).")
    Path config;

    @Option(names = "--example-config", description = "Print a commented example config and exit.")
    boolean exampleConfig;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "Where the API and dashboard listen (default: ${DEFAULT-VALUE}, this machine only).")
    String listen;

    @Mixin
    StoreOptions storeOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (exampleConfig) {
            PrintWriter out = spec.commandLine().getOut();
            try (InputStream in = Service.class.getResourceAsStream("example-config.yaml")) {
                out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            out.flush();
            return Vigil.OK;
        }
        Listen address;
        try {
            address = Listen.parse(listen);
        } catch (IllegalArgumentException e) {
            throw new Vigil.UserException(e.getMessage());
        }
        Catalog catalog = Catalog.load();
        ChannelMaker channels = ChannelMaker.NOTIFY;
        ServiceConfig loaded = config == null ? ServiceConfig.empty()
                : new ConfigLoader(catalog, channels, System::getenv).load(config);
        PrintWriter err = spec.commandLine().getErr();
        Store store = storeOptions.open();
        CountDownLatch stopped = new CountDownLatch(1);
        Consumer<String> log = line -> {
            err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
            err.flush();
        };
        List<ServicePlugin> plugins = List.of(new Server(address, log));
        Service service = new Service(loaded, store, catalog, channels, AwsAccess.defaults(), plugins, log);
        try {
            service.start();
        } catch (Server.CannotListen e) {
            service.close();
            store.close();
            throw new Vigil.UserException(e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            store.close();
            stopped.countDown();
        }, "vigil-shutdown"));
        stopped.await();
        return Vigil.OK;
    }
}
