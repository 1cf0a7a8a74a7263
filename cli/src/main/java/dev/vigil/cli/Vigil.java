package dev.vigil.cli;

import dev.vigil.aws.AwsAccessException;
import dev.vigil.service.ConfigException;
import dev.vigil.store.StoreException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command line. Exit codes: 0 clean, 1 failures at or above --fail-on, 2 errors. */
@Command(name = "vigil", mixinStandardHelpOptions = true, version = "Vigil 0.1.0",
        description = "Continuous assurance for AWS: checks accounts and templates against best-practice rules.")
public final class Vigil {

    /**
     * The subcommands, by name. Only the one asked for is built: picocli reflects over every option of
     * every command it is given, which would cost each cold start (a pre-commit hook, a CI step) time.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("scan", ScanCommand::new);
        commands.put("iac", IacCommand::new);
        commands.put("fix", FixCommand::new);
        commands.put("demo", DemoCommand::new);
        commands.put("rules", RulesCommand::new);
        commands.put("explain", ExplainCommand::new);
        commands.put("permissions", PermissionsCommand::new);
        commands.put("bench", BenchCommand::new);
        commands.put("bench-iac", IacBenchCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("runs", RunsCommand::new);
        commands.put("diff", DiffCommand::new);
        commands.put("checks", ChecksCommand::new);
        commands.put("suppress", SuppressCommand.Suppress::new);
        commands.put("unsuppress", SuppressCommand.Unsuppress::new);
        commands.put("bench-service", ServiceBenchCommand::new);
        commands.put("api-key", ApiKeyCommand::new);
        commands.put("report", ReportCommand::new);
        commands.put("bench-server", ServerBenchCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    public static final int OK = 0;
    public static final int FAILURES = 1;
    public static final int ERRORS = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; expected faults become a one-line message and exit code 2, never a stack trace. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Vigil());
        Supplier<Object> asked = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (asked != null && !args[0].equals("help")) {
            cli.addSubcommand(args[0], asked.get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ERRORS);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("vigil: " + e.getMessage());
            err.println("Run 'vigil " + (e.getCommandLine().getCommandName().equals("vigil") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return ERRORS;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            err.println("vigil: " + message(e));
            return ERRORS;
        });
        return execute(cli, args, err);
    }

    /**
     * Runs a command line whose exceptions the handlers above turn into one line; an {@link Error} (out of memory,
     * a stack overflow, ...) passes by them and is turned into one line here, with exit code 2, never a stack trace.
     */
    static int execute(CommandLine cli, String[] args, PrintWriter err) {
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("vigil: out of memory (" + e.getMessage() + "); give the JVM more (e.g. JAVA_TOOL_OPTIONS="
                    + "-Xmx4g) or scan fewer files at once");
        } catch (StackOverflowError e) {
            err.println("vigil: input nested too deeply to process (stack overflow); please report this at the "
                    + "Vigil issue tracker with the input that caused it");
        } catch (Error e) {
            err.println("vigil: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (please report this at the Vigil issue tracker)");
        }
        err.flush();
        return ERRORS;
    }

    private static String message(Exception e) {
        if (e instanceof IllegalArgumentException || e instanceof AwsAccessException
                || e instanceof java.io.IOException || e instanceof UserException || e instanceof StoreException
                || e instanceof ConfigException || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                + " (please report this at the Vigil issue tracker)";
    }

    /** A fault in what the user asked for, with what to do about it. */
    static final class UserException extends RuntimeException {
        UserException(String message) {
            super(message);
        }
    }
}
