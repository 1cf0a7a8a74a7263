package dev.vigil.cli;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.iac.cloudformation.CloudFormationOptions;
import dev.vigil.report.Format;
import dev.vigil.report.ReportOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes a seeded corpus (half CloudFormation templates, half Terraform {@code .tf} files in root modules) and scans
 * it as {@code vigil iac} does, in rounds (the first includes JIT warm-up): files/s end to end (discovery, load,
 * evaluate, report to a null stream) and per kind (discovery and load of that kind), time per phase, peak heap.
 */
@Command(name = "bench-iac", mixinStandardHelpOptions = true,
        description = "Benchmark 'vigil iac' on a generated corpus of CloudFormation templates and Terraform "
                + "configurations.")
final class IacBenchCommand implements Callable<Integer> {

    @Option(names = "--files", defaultValue = "5000", description = "Files to generate (default ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--rounds", defaultValue = "3", description = "Scans of the corpus (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--format", defaultValue = "json", description = "Report format written to a null stream "
            + "(default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--seed", defaultValue = "1", description = "Corpus seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep", paramLabel = "DIR", description = "Write the corpus to DIR and keep it.")
    Path keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (files < 1 || rounds < 1) {
            throw new IllegalArgumentException("--files and --rounds must be at least 1");
        }
        if (!format.describesTemplates()) {
            throw new IllegalArgumentException("--format " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " describes findings in AWS accounts, and the corpus is templates");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("vigil-bench-iac");
        try {
            int cloudFormationFiles = (files + 1) / 2;
            TemplateCorpus.Written corpus = TemplateCorpus.write(dir, cloudFormationFiles, seed);
            TerraformCorpus.Written terraform = TerraformCorpus.write(dir, files - cloudFormationFiles, seed);
            out.printf("corpus in %s: %d CloudFormation files (%d templates, %d that do not parse, %d other "
                            + "YAML/JSON), %.1f MB, mean %.1f KB%n", dir, cloudFormationFiles, corpus.templates(),
                    corpus.broken(), corpus.other(), corpus.bytes() / 1e6,
                    corpus.bytes() / 1024.0 / cloudFormationFiles);
            out.printf("  %d Terraform .tf files in %d root modules (every fifth with a local module, %d that do "
                            + "not parse), %.1f MB, mean %.1f KB%n", terraform.files(), terraform.roots(),
                    terraform.broken(), terraform.bytes() / 1e6, terraform.bytes() / 1024.0 / terraform.files());
            out.printf("cores: %d, max heap: %d MB%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            List<RuleDefinition> rules = Catalog.load().all();
            for (int round = 1; round <= rounds; round++) {
                out.println(round(round, dir, rules, cloudFormationFiles, terraform.files()));
                out.flush();
            }
        } finally {
            if (keep == null) {
                delete(dir);
            }
        }
        return Vigil.OK;
    }

    private String round(int round, Path dir, List<RuleDefinition> rules, int cloudFormationFiles,
                         int terraformFiles) throws IOException {
        PeakMemory.reset();
        long cpu0 = cpuNanos();
        long[] nanos = new long[2];
        List<TemplateSource> sources = List.of(
                timed(new CloudFormationSource(CloudFormationOptions.defaults(), null), nanos, 0),
                timed(new TerraformSource(TerraformOptions.defaults(), null, null), nanos, 1));
        long t0 = System.nanoTime();
        TemplateSource.Loaded loaded = IacCommand.load(sources, List.of(dir));
        long t1 = System.nanoTime();
        ScanResult result = IacCommand.evaluate(loaded, null, rules);
        List<Check> checks = result.checkList();   // the rules run here, so evaluation and report are timed apart
        long t2 = System.nanoTime();
        format.report(new ReportOptions(false, false, rules)).write(result, OutputStream.nullOutputStream());
        long t3 = System.nanoTime();
        int total = cloudFormationFiles + terraformFiles;
        double seconds = (t3 - t0) / 1e9;
        double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
        long errors = checks.stream().filter(c -> c.status() == Status.ERROR).count();
        return String.format("round %d: %d files in %.2f s = %.0f files/s (CPU %.2f s = %.0f files per CPU-second) | "
                        + "CloudFormation %.0f files/s (%.0f ms), Terraform %.0f files/s (%.0f ms) | evaluate %.0f ms, "
                        + "report %.0f ms | %d templates and configurations, %d checks (%d ERROR), peak heap %.0f MB",
                round, total, seconds, total / seconds, cpuSeconds, total / cpuSeconds,
                cloudFormationFiles / (nanos[0] / 1e9), ms(nanos[0]),
                terraformFiles / (nanos[1] / 1e9), ms(nanos[1]), ms(t2 - t1), ms(t3 - t2), loaded.templates().size(),
                checks.size(), errors, PeakMemory.heapMb());
    }

    /** CPU time of the whole process, all threads (JIT and GC included): robust when other work shares the cores. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** {@code source}, adding the time each load takes (discovery included) to {@code nanos[slot]}. */
    private static TemplateSource timed(TemplateSource source, long[] nanos, int slot) {
        return paths -> {
            long start = System.nanoTime();
            TemplateSource.Loaded loaded = source.load(paths);
            nanos[slot] += System.nanoTime() - start;
            return loaded;
        };
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void delete(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
