package dev.vigil.iac.cloudformation;

import static dev.vigil.iac.cloudformation.Fixtures.ROOT;
import static dev.vigil.iac.cloudformation.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParametersTest {

    @Test
    void listStyleFile() throws IOException {
        assertThat(ParametersFile.read(Path.of(ROOT + "parameters/list-style.json")))
                .containsExactly(Map.entry("Env", "prod"), Map.entry("EnablePitr", "false"));
    }

    @Test
    void objectStyleFileJoinsLists() throws IOException {
        assertThat(ParametersFile.read(Path.of(ROOT + "parameters/object-style.json")))
                .containsExactly(Map.entry("Env", "prod"), Map.entry("EnablePitr", "true"), Map.entry("Subnets", "a,b"));
    }

    @Test
    void invalidFileSaysWhy(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "[{\"Key\": \"Env\"}]");

        assertThatThrownBy(() -> ParametersFile.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": each entry needs ParameterKey and ParameterValue");
    }

    @Test
    void fileValuesApplyAndCommandLineValuesWin() throws IOException {
        CloudFormationOptions options = CloudFormationOptions.defaults()
                .withParameters(Map.of("EnablePitr", "true"))
                .withParametersFile(Path.of(ROOT + "parameters/list-style.json"));
        CloudFormationScan scan = Fixtures.load("dynamodb/tables.yaml", options);

        assertThat(options.parameters()).containsEntry("Env", "prod").containsEntry("EnablePitr", "true");
        assertThat(resource(scan, DynamoDbTable.class, "Orders").name()).isEqualTo("prod-orders");
        assertThat(resource(scan, DynamoDbTable.class, "Audit").pointInTimeRecovery())
                .isEqualTo(Value.known(PitrStatus.ENABLED));
    }
}
