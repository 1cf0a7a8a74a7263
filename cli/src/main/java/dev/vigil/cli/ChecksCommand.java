package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.check.Status;
import dev.vigil.core.rule.Risk;
import dev.vigil.report.Csv;
import dev.vigil.store.CheckFilter;
import dev.vigil.store.Store;
import dev.vigil.store.StoredCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The checks in the store with Conformity's attribute names. Exit code 1 when a listed check fails and is not
 * suppressed; suppressed checks are listed, marked, and never counted.
 */
@Command(name = "checks", mixinStandardHelpOptions = true, description = "List the checks in the store.")
final class ChecksCommand implements Callable<Integer> {

    enum ListFormat { table, json, csv }

    static final List<String> CSV_COLUMNS = List.of("id", "accountId", "region", "ruleId", "service", "resource",
            "resourceName", "status", "risk-level", "message", "created-date", "last-modified-date",
            "failure-discovery-date", "resolved-gone-date", "last-error", "suppressed", "suppressed-until",
            "suppression-note");

    @Option(names = "--account", paramLabel = "ID") String account;
    @Option(names = "--rule", paramLabel = "ID") String rule;
    @Option(names = "--region", paramLabel = "REGION") String region;
    @Option(names = "--status", paramLabel = "STATUS", description = "SUCCESS, FAILURE, ERROR or UNKNOWN") Status status;
    @Option(names = "--risk", paramLabel = "RISK", converter = OutputOptions.RiskConverter.class) Risk risk;
    @Option(names = "--gone", description = "Also list checks whose resource no longer exists.") boolean gone;
    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default ${DEFAULT-VALUE})")
    ListFormat format;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE") Path output;

    @Mixin
    StoreOptions storeOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CheckFilter filter = new CheckFilter(account, rule, status, risk, region, gone, 0);
        Instant now = Instant.now();
        AtomicInteger failing = new AtomicInteger();
        try (Store store = storeOptions.open();
             PrintWriter file = output == null ? null : new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            PrintWriter sink = file != null ? file : spec.commandLine().getOut();
            switch (format) {
                case json -> json(store, filter, sink, now, failing);
                case csv -> csv(store, filter, sink, now, failing);
                case table -> table(store, filter, sink, now, failing);
            }
            sink.flush();
        }
        return failing.get() > 0 ? Vigil.FAILURES : Vigil.OK;
    }

    private static void count(StoredCheck c, Instant now, AtomicInteger failing) {
        if (c.failing() && !c.suppressedAt(now)) {
            failing.incrementAndGet();
        }
    }

    private static final String ROW = "%-8s %-10s " + Text.RULE_COLUMN + " %-14s %-30s %-20s %s%n";

    private static void table(Store store, CheckFilter filter, PrintWriter out, Instant now, AtomicInteger failing) {
        AtomicInteger total = new AtomicInteger();
        AtomicInteger suppressed = new AtomicInteger();
        out.printf(ROW, "STATUS", "RISK", "RULE", "REGION", "RESOURCE",
                "FAILING SINCE", "ID");
        store.checks().each(filter, c -> {
            count(c, now, failing);
            total.incrementAndGet();
            boolean skip = c.suppressedAt(now);
            if (skip) {
                suppressed.incrementAndGet();
            }
            String shown = c.gone() != null ? "GONE" : skip ? "SKIP" : c.status().name();
            out.printf(ROW, shown, c.risk(), c.ruleId(), c.region(),
                    Text.cut(c.resourceName(), 30), c.failureDiscovered() == null ? "" : c.failureDiscovered().toString(),
                    c.id());
        });
        out.printf("%d checks, %d failing (not suppressed), %d suppressed%n", total.get(), failing.get(), suppressed.get());
        out.flush();
    }

    private static void csv(Store store, CheckFilter filter, PrintWriter out, Instant now, AtomicInteger failing) {
        out.print(String.join(",", CSV_COLUMNS) + "\r\n");
        store.checks().each(filter, c -> {
            count(c, now, failing);
            List<Object> cells = List.of(c.id(), c.accountId(), c.region(), c.ruleId(), c.service(), c.resource(),
                    text(c.resourceName()), c.status().name(), c.risk().name(), text(c.message()), c.created(),
                    c.lastModified(), text(c.failureDiscovered()), text(c.gone()), text(c.lastError()),
                    c.suppressedAt(now), c.suppression() == null ? "" : text(c.suppression().until()),
                    c.suppression() == null ? "" : text(c.suppression().note()));
            out.print(String.join(",", cells.stream().map(v -> Csv.cell(String.valueOf(v))).toList()) + "\r\n");
        });
        out.flush();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void json(Store store, CheckFilter filter, PrintWriter sink, Instant now, AtomicInteger failing)
            throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(sink)
                .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeArrayFieldStart("checks");
            store.checks().each(filter, c -> {
                count(c, now, failing);
                try {
                    write(g, c, now);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("failing", failing.get());
            g.writeEndObject();
            g.writeEndObject();
        }
        sink.println();
    }

    private static void write(JsonGenerator g, StoredCheck c, Instant now) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("accountId", c.accountId());
        g.writeStringField("region", c.region());
        g.writeStringField("ruleId", c.ruleId());
        g.writeStringField("service", c.service());
        g.writeStringField("resource", c.resource());
        g.writeStringField("resourceName", c.resourceName());
        g.writeStringField("status", c.status().name());
        g.writeStringField("risk-level", c.risk().name());
        g.writeStringField("message", c.message());
        g.writeStringField("created-date", text(c.created()));
        g.writeStringField("last-modified-date", text(c.lastModified()));
        g.writeStringField("failure-discovery-date", c.failureDiscovered() == null ? null : c.failureDiscovered().toString());
        g.writeStringField("resolved-gone-date", c.gone() == null ? null : c.gone().toString());
        g.writeStringField("last-error", c.lastError());
        g.writeBooleanField("suppressed", c.suppressedAt(now));
        if (c.suppression() != null) {
            g.writeStringField("suppressed-until", c.suppression().until() == null ? null : c.suppression().until().toString());
            g.writeStringField("suppression-note", c.suppression().note());
            g.writeStringField("suppressed-by", c.suppression().by());
        }
        g.writeEndObject();
    }
}
