package dev.vigil.hcl.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a mutated copy of the project must never throw: problems become diagnostics or
 * unknown values. Mutations swap, drop and duplicate whole lines, which keeps many files parseable
 * so that the evaluator, expansion and module logic are exercised on odd shapes.
 */
class TerraformLoaderFuzzTest {

    @Test
    void mutatedProjectsLoadWithoutThrowing(@TempDir Path work) throws IOException, URISyntaxException {
        Path project = Path.of(getClass().getResource("/terraform/project").toURI());
        copy(project, work);
        Path main = work.resolve("main.tf");
        Path module = work.resolve("modules/table/main.tf");
        List<String> mainLines = Files.readAllLines(main);
        List<String> moduleLines = Files.readAllLines(module);
        Random random = new Random(7L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int withResources = 0;
            for (int i = 0; i < 200; i++) {
                Files.write(main, mutate(mainLines, random));
                Files.write(module, mutate(moduleLines, random));
                TerraformConfiguration c = TerraformLoader.load(work);
                assertThat(c.resources()).allSatisfy(r -> assertThat(r.address()).isNotBlank());
                if (!c.resources().isEmpty()) {
                    withResources++;
                }
            }
            assertThat(withResources).isPositive();
        });
    }

    private static List<String> mutate(List<String> lines, Random random) {
        List<String> out = new java.util.ArrayList<>(lines);
        for (int n = 1 + random.nextInt(3); n > 0 && !out.isEmpty(); n--) {
            int at = random.nextInt(out.size());
            switch (random.nextInt(4)) {
                case 0 -> out.remove(at);
                case 1 -> out.add(random.nextInt(out.size()), out.get(at));
                case 2 -> java.util.Collections.swap(out, at, random.nextInt(out.size()));
                default -> out.set(at, out.get(at).replace("var.", "local.").replace("each.", "count."));
            }
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
