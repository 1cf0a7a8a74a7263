package dev.vigil.iac.terraform;

import static dev.vigil.iac.terraform.TerraformScannerTest.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.model.Fault;
import dev.vigil.hcl.terraform.TerraformOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loader and mapper together: mutated configurations and plans (fixed seed) always yield an inventory or faults
 * from the input, never an exception or an internal-error fault ({@code terraform:load}).
 */
class TerraformRobustnessTest {

    private static final long SEED = 20_261_124L;
    private static final int MUTATIONS_PER_FIXTURE = 150;
    private static final List<String> FIXTURES =
            List.of("dynamodb/main.tf", "backup/main.tf", "unknown-count/main.tf", "plan/plan.json");
    private static final String[] FRAGMENTS = {"{", "}", "[", "]", "\"", "=", "\n", " ", "${", "%{", "count = 3\n",
            "for_each = var.x\n", "dynamic \"replica\" {", "null", "true", ".arn", "aws_db_instance.main", ",", ":",
            "each.key", "\u00e9", "\u0000", "#", "/*", "<<EOT\n"};

    @Test
    void mutatedInputsYieldInventoryOrFault(@TempDir Path tmp) throws IOException {
        Random random = new Random(SEED);
        TerraformScanner scanner = new TerraformScanner(TerraformOptions.defaults());
        int run = 0;
        for (String fixture : FIXTURES) {
            String text = Files.readString(ROOT.resolve(fixture));
            String name = fixture.substring(fixture.lastIndexOf('/') + 1);
            for (int i = 0; i < MUTATIONS_PER_FIXTURE; i++) {
                Path dir = Files.createDirectories(tmp.resolve("m" + run++));
                String mutated = text;
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    mutated = mutate(mutated, random);
                }
                Files.writeString(dir.resolve(name), mutated);
                TerraformScan scan = scanner.load(List.of(dir));
                assertThat(scan.inventory().faults()).as(mutated).extracting(Fault::operation)
                        .doesNotContain("terraform:load");
            }
        }
    }

    private static String mutate(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at) + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + text.substring(at);
            case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
            default -> text.substring(0, at);
        };
    }
}
