package dev.vigil.iac.cloudformation;

import static dev.vigil.iac.cloudformation.Fixtures.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Any input yields an inventory or a fault: never an exception, a hang or a blow-up. Mutations of the valid
 * fixtures are deterministic (fixed seed); the timeout only guards against loops, it measures nothing.
 */
class RobustnessTest {

    private static final long SEED = 20_261_124L;
    private static final int MUTATIONS_PER_FIXTURE = 600;
    private static final List<String> FIXTURES = List.of("dynamodb/tables.yaml", "dynamodb/tables.json",
            "dynamodb/global-table.yaml", "backup/selections.yaml", "backup/selections.json",
            "suppression/suppressed.yaml");
    private static final String[] FRAGMENTS = {":", "-", " ", "\n", "\t", "'", "\"", "{", "}", "[", "]", ",", "#",
            "&a ", "*a", "!Ref ", "!Sub ", "!GetAtt ", "!If ", "!Condition ", "!FindInMap ", "!Join ", "!Select ",
            "${", "}", "${AWS::Region}", "Fn::If", "{\"Ref\": \"Db\"}", "? ", "|", ">", "%", "@", "`", "\\", "\u00e9",
            "\ud83d\ude00", "\u0000", "AWS::NoValue", "Condition: IsProd\n"};
    private static final Set<String> OPERATIONS = Set.of("cloudformation:parse", "cloudformation:evaluate");

    private final CloudFormationLoader loader = new CloudFormationLoader(CloudFormationOptions.defaults());

    @Test
    void mutatedTemplatesYieldInventoryOrFault() throws IOException {
        Random random = new Random(SEED);
        List<String[]> inputs = new ArrayList<>();
        for (String fixture : FIXTURES) {
            String text = Files.readString(Path.of(ROOT + fixture));
            for (int i = 0; i < MUTATIONS_PER_FIXTURE; i++) {
                String mutated = text;
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    mutated = mutate(mutated, random);
                }
                inputs.add(new String[] {fixture.substring(fixture.lastIndexOf('/') + 1), mutated});
            }
        }
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            int faults = 0;
            for (String[] input : inputs) {
                CloudFormationScan scan = loader.load(input[0], input[1]);
                for (Fault fault : scan.inventory().faults()) {
                    assertThat(fault.operation()).as(input[1]).isIn(OPERATIONS);
                    assertThat(fault.message()).as(input[1]).startsWith(input[0] + ":").doesNotContain("\n");
                    faults++;
                }
            }
            assertThat(faults).as("some mutations must break parsing").isPositive();
        });
    }

    private static String mutate(String text, Random random) {
        if (text.isEmpty()) {
            return FRAGMENTS[random.nextInt(FRAGMENTS.length)];
        }
        int at = random.nextInt(text.length());
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        return switch (random.nextInt(7)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + text.substring(at);
            case 2 -> text.substring(0, at) + text.charAt(at) + text.substring(at);
            case 3 -> {
                lines.remove(line);
                yield String.join("\n", lines);
            }
            case 4 -> {
                lines.add(line, lines.get(random.nextInt(lines.size())));
                yield String.join("\n", lines);
            }
            case 5 -> {
                int cut = Math.min(text.length(), at + 1 + random.nextInt(40));
                yield text.substring(0, at) + text.substring(cut);
            }
            default -> text.replace(pick(random, "!Ref ", "!Sub ", "!GetAtt ", "\"Ref\"", "true"),
                    pick(random, "!Condition ", "!Select ", "!If ", "\"Fn::If\"", "!Ref Db"));
        };
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    @Test
    void billionLaughsIsAFault() {
        StringBuilder yaml = new StringBuilder("AWSTemplateFormatVersion: x\na0: &a0 [lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append('a').append(i).append(": &a").append(i).append(" [");
            yaml.append(String.join(", ", java.util.Collections.nCopies(8, "*a" + (i - 1)))).append("]\n");
        }
        yaml.append("Resources: {T: {Type: AWS::DynamoDB::Table, Properties: *a11}}\n");

        CloudFormationScan scan = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> loader.load("laughs.yaml", yaml.toString()));

        assertThat(scan.inventory().faults()).singleElement().extracting(Fault::message).asString()
                .startsWith("laughs.yaml:");
        assertThat(scan.inventory().size()).isZero();
    }

    @Test
    void recursiveAliasIsAFault() {
        CloudFormationScan scan = loader.load("loop.yaml",
                "AWSTemplateFormatVersion: x\nResources:\n  T: &t\n    Type: AWS::DynamoDB::Table\n    Properties: *t\n");

        assertThat(scan.inventory().faults()).singleElement().extracting(Fault::message)
                .isEqualTo("loop.yaml:3: recursive alias");
    }

    @Test
    void deepNestingIsAFault() {
        String deep = "AWSTemplateFormatVersion: x\nResources: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";
        String deepJson = "{\"AWSTemplateFormatVersion\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}";

        assertThat(loader.load("deep.yaml", deep).inventory().faults()).singleElement()
                .extracting(Fault::message).asString().startsWith("deep.yaml:");
        assertThat(loader.load("deep.json", deepJson).inventory().faults()).singleElement()
                .extracting(Fault::message).asString().startsWith("deep.json:1: ");
    }

    @Test
    void conditionCyclesAndSelfReferencesStayUnresolved() {
        CloudFormationScan scan = loader.load("cycle.yaml", """
                AWSTemplateFormatVersion: x
                Conditions:
                  A: !Condition B
                  B: !Not [!Condition A]
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Condition: A
                    Properties:
                      PointInTimeRecoverySpecification:
                        PointInTimeRecoveryEnabled: !If [B, true, false]
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBInstanceIdentifier: !Sub "${Db}-x"
                  Self:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Ref Self
                      PointInTimeRecoverySpecification:
                        PointInTimeRecoveryEnabled: !FindInMap [M, a, b]
                        RecoveryPeriodInDays: !Select [0, !Ref P]
                Parameters:
                  P: {Type: CommaDelimitedList, Default: [!Ref P]}
                Mappings:
                  M: {a: {b: !FindInMap [M, a, b]}}
                """);

        assertThat(scan.inventory().faults()).isEmpty();
        assertThat(scan.inventory().size()).isEqualTo(3);
        assertThat(scan.inventory().all(DynamoDbTable.class)).filteredOn(t -> t.id().equals("Self")).singleElement()
                .satisfies(t -> {
                    assertThat(t.name()).isEqualTo("Self");
                    assertThat(t.pointInTimeRecovery()).isEqualTo(Value.unknown("!FindInMap [M, a, b]"));
                    assertThat(t.recoveryPeriodDays()).isNull();
                });
    }
}
