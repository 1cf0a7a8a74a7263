package dev.vigil.cli;

import static dev.vigil.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The pre-commit hook this repository ships runs the launcher at its top with {@code iac} and the staged files. */
class PreCommitHookTest {

    private static final Path TOP = Path.of("..");

    @Test
    @SuppressWarnings("unchecked")
    void theHookRunsVigilIacOnTheFilesItSelects() throws IOException {
        List<Map<String, Object>> hooks = (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(TOP.resolve(".pre-commit-hooks.yaml")));
        Map<String, Object> hook = hooks.getFirst();

        assertThat(hook).containsEntry("id", "vigil-iac").containsEntry("language", "script")
                .containsEntry("require_serial", true);
        assertThat(Files.isExecutable(TOP.resolve((String) hook.get("entry")))).isTrue();
        String selects = (String) hook.get("files");
        assertThat(List.of("infra/stack.yaml", "a.yml", "plan.json", "x.template", "main.tf", "main.tf.json"))
                .allMatch(f -> java.util.regex.Pattern.compile(selects).matcher(f).find());
        assertThat("README.md").doesNotContainPattern(selects);

        List<String> args = new ArrayList<>((List<String>) hook.get("args"));
        args.add("src/test/resources/iac/clean.json");
        assertThat(run(args.toArray(String[]::new)).exit()).isEqualTo(Vigil.OK);
    }
}
