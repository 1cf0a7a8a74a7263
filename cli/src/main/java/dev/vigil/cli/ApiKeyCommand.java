package dev.vigil.cli;

import dev.vigil.store.ApiKeys;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil api-key create|list|revoke}: the keys of the API and the dashboard, kept hashed in the store. */
@Command(name = "api-key", mixinStandardHelpOptions = true,
        description = "Manage the API keys of the API and the dashboard.",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.List.class, ApiKeyCommand.Revoke.class})
final class ApiKeyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new Vigil.UserException("say what to do: vigil api-key create --name NAME [--read-only], "
                + "vigil api-key list, or vigil api-key revoke ID|NAME");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key; it is printed once and only its hash is kept.")
    static final class Create implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "Whose key it is; shown in the audit trail.")
        String name;

        @Option(names = "--read-only", description = "The key reads but cannot suppress checks or start scans.")
        boolean readOnly;

        @Mixin
        StoreOptions storeOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ApiKeys.Created created = withStore(storeOptions, store -> store.apiKeys().create(name, readOnly));
            PrintWriter out = spec.commandLine().getOut();
            out.println(created.secret());
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println("API key " + created.key().id() + " '" + created.key().name() + "'"
                    + (readOnly ? " (read-only)" : "") + " created. It is shown this once: keep it now. "
                    + "Send it as 'Authorization: ApiKey KEY', or sign in to the dashboard with it.");
            err.flush();
            return Vigil.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys (never the keys themselves).")
    static final class List implements Callable<Integer> {

        @Mixin
        StoreOptions storeOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = storeOptions.open()) {
                out.printf("%-16s %-24s %-10s %-20s %-20s %s%n", "ID", "NAME", "ACCESS", "CREATED", "LAST USED", "REVOKED");
                for (ApiKeys.ApiKey key : store.apiKeys().list()) {
                    out.printf("%-16s %-24s %-10s %-20s %-20s %s%n", key.id(), key.name(),
                            key.readOnly() ? "read-only" : "read-write", shown(key.created()), shown(key.lastUsed()),
                            shown(key.revoked()));
                }
            }
            out.flush();
            return Vigil.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a key: it and its dashboard sessions stop working at once.")
    static final class Revoke implements Callable<Integer> {

        @Parameters(paramLabel = "ID|NAME", description = "The key's ID (key-…) or name.")
        String key;

        @Mixin
        StoreOptions storeOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ApiKeys.ApiKey revoked = withStore(storeOptions, store -> store.apiKeys().revoke(key));
            spec.commandLine().getOut().println("revoked " + revoked.id() + " '" + revoked.name() + "'");
            spec.commandLine().getOut().flush();
            return Vigil.OK;
        }
    }

    /** Work on the store; a refusal (a name taken, no such key) is one line and exit code 2. */
    private static <T> T withStore(StoreOptions options, java.util.function.Function<Store, T> work) {
        try (Store store = options.open()) {
            return work.apply(store);
        } catch (IllegalArgumentException e) {
            throw new Vigil.UserException(e.getMessage());
        }
    }

    private static String shown(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
