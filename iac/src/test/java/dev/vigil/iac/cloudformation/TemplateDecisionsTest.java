package dev.vigil.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.DynamoDbTable.PitrStatus;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What CloudFormation would refuse is an error naming the problem, never UNKNOWN or a verdict; SAM's simple table;
 * what the YAML reader will not read (several documents, very long lines) and what it decodes (UTF-16).
 */
class TemplateDecisionsTest {

    private final CloudFormationLoader loader = new CloudFormationLoader(CloudFormationOptions.defaults());

    private static String table(String enabled) {
        return """
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      PointInTimeRecoverySpecification:
                        PointInTimeRecoveryEnabled: %s
                """.formatted(enabled);
    }

    private DynamoDbTable onlyTable(String text) {
        CloudFormationScan scan = loader.load("t.yaml", text);
        assertThat(scan.inventory().faults()).isEmpty();
        return scan.inventory().all(DynamoDbTable.class).getFirst();
    }

    @Test
    void aValueCloudFormationRefusesIsAFailedReadNotUnknown() {
        assertThat(onlyTable(table("\"yes\"")).pointInTimeRecovery()).isEqualTo(Value.failed(
                "PointInTimeRecoveryEnabled: \"yes\" is not a boolean; CloudFormation accepts true or false"));
        assertThat(onlyTable(table("\"TRUE\"")).pointInTimeRecovery()).isEqualTo(Value.known(PitrStatus.ENABLED));
        assertThat(onlyTable(table("!Ref AWS::Region")).pointInTimeRecovery())
                .as("a placeholder is not decided").isEqualTo(Value.unknown("!Ref AWS::Region"));
        assertThat(onlyTable("""
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      PointInTimeRecoverySpecification: true
                """).pointInTimeRecovery()).isInstanceOf(Value.Failed.class);
    }

    @Test
    void anUnknownTagIsAParseErrorInATemplateOnly() {
        assertThat(loader.load("t.yaml", table("!Foo true")).inventory().faults()).extracting(Fault::message)
                .containsExactly("t.yaml:6: unknown tag !Foo (not a short form of a CloudFormation intrinsic function)");
        assertThat(loader.load("ci.yaml", "script: !reference [a, b]\n# AWS::S3::Bucket\n").inventory().faults())
                .as("not a template: not this loader's to judge").isEmpty();
    }

    @Test
    void propertiesThatAreNotAMappingAreAnErrorForThatResourceKind() {
        CloudFormationScan scan = loader.load("t.yaml", """
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties: "str"
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties: [a]
                """);

        assertThat(scan.inventory().size()).isZero();
        assertThat(scan.inventory().faults()).extracting(f -> f.kinds().iterator().next(), Fault::message)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(DynamoDbTable.class,
                                "t.yaml:2: Properties of T is \"str\", not a mapping"),
                        org.assertj.core.api.Assertions.tuple(RdsInstance.class,
                                "t.yaml:5: Properties of Db is [a], not a mapping"));
    }

    @Test
    void samSimpleTableIsATableThatCannotHavePointInTimeRecovery() {
        DynamoDbTable table = onlyTable("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      TableName: sessions
                """);

        assertThat(table.id()).isEqualTo("Sessions");
        assertThat(table.name()).isEqualTo("sessions");
        assertThat(table.pointInTimeRecovery()).isEqualTo(Value.known(PitrStatus.DISABLED));
        assertThat(table.pitrFix()).contains("declare the table as AWS::DynamoDB::Table");
    }

    @Test
    void aTemplateOfSeveralDocumentsIsAnErrorNamingTheSecond() {
        CloudFormationScan scan = loader.load("t.yaml", table("true") + "---\n" + table("false"));

        assertThat(scan.inventory().size()).isZero();
        assertThat(scan.inventory().faults()).extracting(Fault::message).containsExactly(
                "t.yaml:8: holds 2 YAML documents (the second starts here); a CloudFormation template is a file of "
                        + "one document");
        assertThat(loader.load("k8s.yaml", "kind: A\n# AWS::S3::Bucket\n---\nkind: B\n").inventory().faults())
                .as("several documents, none a template").isEmpty();
    }

    @Test
    void aVeryLongLineIsRefusedBeforeParsing() {
        String text = table("true") + "      TableName: " + "a".repeat(7_000_000) + "\n";

        CloudFormationScan scan = loader.load("long.yaml", text);

        assertThat(scan.inventory().faults()).extracting(Fault::message).containsExactly(
                "long.yaml:7: line longer than 128 KiB (a CloudFormation template is at most 1 MB); not parsed");
    }

    @Test
    void utf16TemplatesAreDecodedByTheirByteOrderMark(@TempDir Path tmp) throws IOException {
        Path little = tmp.resolve("le.yaml");
        Path big = tmp.resolve("be.json");
        Files.write(little, withMark(new byte[] {(byte) 0xff, (byte) 0xfe}, table("true"),
                StandardCharsets.UTF_16LE));
        Files.write(big, withMark(new byte[] {(byte) 0xfe, (byte) 0xff},
                "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\"}}}", StandardCharsets.UTF_16BE));

        CloudFormationScan scan = loader.load(List.of(little, big));

        assertThat(scan.templates()).containsExactly(big.toString(), little.toString());
        assertThat(scan.inventory().all(DynamoDbTable.class)).extracting(DynamoDbTable::pointInTimeRecovery)
                .containsExactlyInAnyOrder(Value.known(PitrStatus.ENABLED), Value.known(PitrStatus.DISABLED));
    }

    private static byte[] withMark(byte[] mark, String text, java.nio.charset.Charset charset) {
        byte[] body = text.getBytes(charset);
        byte[] out = new byte[mark.length + body.length];
        System.arraycopy(mark, 0, out, 0, mark.length);
        System.arraycopy(body, 0, out, mark.length, body.length);
        return out;
    }
}
