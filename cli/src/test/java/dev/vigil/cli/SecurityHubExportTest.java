package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.SecurityHubImporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What --security-hub says when findings were not imported (the calls behind it: SecurityHubImporterTest). */
class SecurityHubExportTest {

    @Test
    void saysWhichCallsAndFindingsFailedAndFailsTheRun() {
        StringWriter err = new StringWriter();
        boolean all = SecurityHubExport.print(new SecurityHubImporter.Outcome(5, 2,
                List.of(new SecurityHubImporter.Failure("us-east-1", "ccc:1:DynamoDB-003:DynamoDB:us-east-1:t",
                        "InvalidInput: Finding must contain at least one resource")),
                List.of(new SecurityHubImporter.FailedCall("eu-west-1", 100, "InvalidAccessException"))),
                new PrintWriter(err));

        assertThat(all).isFalse();
        assertThat(err.toString().lines()).containsExactly(
                "Security Hub: 5 findings imported (3 active, 2 archived because their check passes or is suppressed);"
                        + " 101 not imported:",
                "  eu-west-1  100 findings  InvalidAccessException",
                "  us-east-1  ccc:1:DynamoDB-003:DynamoDB:us-east-1:t  InvalidInput: Finding must contain at least one"
                        + " resource");
    }

    @Test
    void aCompleteImportIsOneLine() {
        StringWriter err = new StringWriter();
        assertThat(SecurityHubExport.print(new SecurityHubImporter.Outcome(7, 3, List.of(), List.of()),
                new PrintWriter(err))).isTrue();
        assertThat(err.toString().strip())
                .isEqualTo("Security Hub: 7 findings imported (4 active, 3 archived because their check passes or is suppressed)");
    }
}
