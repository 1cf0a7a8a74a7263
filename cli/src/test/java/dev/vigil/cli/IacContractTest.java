package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.model.Fault;
import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.iac.cloudformation.CloudFormationOptions;
import dev.vigil.report.Format;
import dev.vigil.report.ReportOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of {@code vigil iac}, under hostile input: every file (CloudFormation template, plan) and every
 * Terraform root module yields its checks or an error naming it; no exception escapes any layer (discovery,
 * decoding, parsing, evaluation, mapping, rules, every report format); and nothing outside the scanned tree is read,
 * as the JDK's own record of file reads shows.
 */
class IacContractTest {

    private static final long SEED = 20_261_202L;
    private static final int TREES = 120;
    private static final String SECRET = "OUTSIDE-SECRET-3141";
    private static final List<RuleDefinition> RULES = Catalog.load().all();

    @Test
    void linksOutOfTheTreeAreErrorsAndTheirTargetsAreNeverRead(@TempDir Path tmp) throws IOException {
        Path outside = outside(tmp);
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(root.resolve("inside.yaml"), cloudFormationYaml("true"));
        Files.createSymbolicLink(root.resolve("passwd.yaml"), outside.resolve("secret.yaml"));
        Files.createSymbolicLink(root.resolve("plan.json"), outside.resolve("plan.json"));
        Path module = Files.createDirectories(root.resolve("module"));
        Files.createSymbolicLink(module.resolve("main.tf"), outside.resolve("mod/main.tf"));

        TemplateSource.Loaded loaded;
        Set<Path> read;
        try (FileReads reads = new FileReads()) {
            loaded = load(root);
            read = reads.stop(tmp.resolve("reads.jfr"));
        }

        assertThat(read).as("the recording sees what is read").contains(root.resolve("inside.yaml"));
        assertThat(read).noneMatch(p -> p.startsWith(outside));
        assertThat(loaded.inventory().faults()).extracting(Fault::message).allSatisfy(m -> assertThat(m)
                .doesNotContain(SECRET)).anySatisfy(m -> assertThat(m).isEqualTo(root.resolve("passwd.yaml")
                + ": cannot be read: a symbolic link to a file outside the scanned tree; not read"))
                .anySatisfy(m -> assertThat(m).startsWith(module.resolve("main.tf") + ":1:1: a symbolic link to a "
                        + "file outside the scanned tree; not read"));
        assertThat(loaded.templates()).contains(root.resolve("inside.yaml").toString());
    }

    @Test
    void hostileTreesYieldChecksOrErrorsForEveryFileAndReadNothingOutside(@TempDir Path tmp) throws IOException {
        Path outside = outside(tmp);
        Random random = new Random(SEED);
        Set<Path> read;
        Set<String> operations = new java.util.TreeSet<>();
        int[] checked = {0, 0};
        try (FileReads reads = new FileReads()) {
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
                for (int i = 0; i < TREES; i++) {
                    Path root = Files.createDirectories(tmp.resolve("t" + i));
                    List<Path> expected = new Tree(root, outside, random).grow();
                    TemplateSource.Loaded loaded = check(root, expected);
                    loaded.inventory().faults().forEach(f -> operations.add(f.operation()));
                    checked[0] += expected.size();
                    checked[1] += loaded.inventory().size();
                }
            });
            read = reads.stop(tmp.resolve("reads.jfr"));
        }
        assertThat(read).as("files read").isNotEmpty().noneMatch(p -> p.startsWith(outside));
        assertThat(checked[0]).as("files and modules held to the contract").isGreaterThan(TREES);
        assertThat(checked[1]).as("resources loaded from what survived").isGreaterThan(TREES);
        assertThat(operations).as("the hostile inputs reach every kind of error").contains("cloudformation:parse",
                "cloudformation:read", "cloudformation:evaluate", "terraform:parse_error", "terraform:plan",
                "terraform:unreadable_file", "terraform:invalid_expansion", "terraform:read");
    }

    /** Loads, evaluates and reports one tree in every format; every expected file or module is accounted for. */
    private static TemplateSource.Loaded check(Path root, List<Path> expected) throws IOException {
        try {
            TemplateSource.Loaded loaded = load(root);
            for (Path path : expected) {
                String name = path.toString();
                boolean accounted = loaded.templates().contains(name) || loaded.inventory().faults().stream()
                        .anyMatch(f -> f.origin().scope().equals(name) || f.message().startsWith(name));
                if (!accounted) {
                    fail("neither checks nor an error for " + name + " in\n" + listing(root));
                }
            }
            for (Format format : Format.values()) {
                if (!format.describesTemplates()) {
                    continue;   // 'vigil iac' refuses it (IacCommandTest)
                }
                ScanResult result = IacCommand.evaluate(loaded, null, RULES);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                format.report(new ReportOptions(false, true, RULES)).write(result, out);
                if (format == Format.JSON || format == Format.SARIF || format == Format.OCSF) {
                    new ObjectMapper().readTree(out.toByteArray());
                }
            }
            return loaded;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("an exception escaped for\n" + listing(root), e);
        }
    }

    private static TemplateSource.Loaded load(Path root) {
        return IacCommand.load(List.of(new CloudFormationSource(CloudFormationOptions.defaults(), null),
                new TerraformSource(TerraformOptions.defaults(), null, null)), List.of(root));
    }

    private static String listing(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return String.join("\n", files.map(Path::toString).toList());
        }
    }

    /** Files outside every scanned tree, each holding the secret: none may be read. */
    private static Path outside(Path tmp) throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside/mod"));
        Files.writeString(tmp.resolve("outside/secret.yaml"), cloudFormationYaml("true") + "# " + SECRET + "\n");
        Files.writeString(tmp.resolve("outside/plan.json"), plan("{\"name\": \"" + SECRET + "\"}"));
        Files.writeString(outside.resolve("main.tf"), "resource \"aws_dynamodb_table\" \"" + SECRET + "\" {}\n");
        Files.writeString(tmp.resolve("outside/prod.tfvars"), "pitr = \"" + SECRET + "\"\n");
        return tmp.resolve("outside");
    }

    private static String cloudFormationYaml(String pitr) {
        return """
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  Pitr: {Type: String, Default: "%s"}
                Conditions:
                  On: !Equals [!Ref Pitr, "true"]
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "${AWS::StackName}-orders"
                      PointInTimeRecoverySpecification:
                        PointInTimeRecoveryEnabled: !If [On, true, false]
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBInstanceIdentifier: main
                      Tags: [{Key: backup, Value: daily}]
                  Selection:
                    Type: AWS::Backup::BackupSelection
                    Properties:
                      BackupPlanId: plan-1
                      BackupSelection:
                        SelectionName: all
                        IamRoleArn: arn:aws:iam::123456789012:role/b
                        Resources: [!GetAtt Db.DBInstanceArn]
                        ListOfTags: [{ConditionType: STRINGEQUALS, ConditionKey: backup, ConditionValue: daily}]
                """.formatted(pitr);
    }

    private static String plan(String values) {
        return "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\"resources\": [{\"address\": "
                + "\"aws_dynamodb_table.t\", \"mode\": \"managed\", \"type\": \"aws_dynamodb_table\", \"name\": \"t\", "
                + "\"values\": " + values + "}]}}}";
    }

    /** One randomly grown tree of hostile files; {@link #grow} returns what must yield checks or an error. */
    private static final class Tree {

        private static final String JSON_TEMPLATE = "{\"Resources\": "
                + "{\"T\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {\"PointInTimeRecoverySpecification\": "
                + "{\"PointInTimeRecoveryEnabled\": true}}}, \"Db\": {\"Type\": \"AWS::RDS::DBInstance\"}}}";
        private static final String TERRAFORM = """
                variable "pitr" {
                  type    = bool
                  default = true
                }
                locals {
                  names = toset(["a", "b"])
                }
                resource "aws_dynamodb_table" "t" {
                  for_each = local.names
                  name     = "t-${each.key}"
                  point_in_time_recovery {
                    enabled = var.pitr
                  }
                }
                resource "aws_db_instance" "db" {
                  count      = 2
                  identifier = "db-${count.index}"
                }
                resource "aws_backup_selection" "s" {
                  name      = "s"
                  plan_id   = "p"
                  resources = aws_db_instance.db[*].arn
                }
                """;
        private static final String[] FRAGMENTS = {"{", "}", "[", "]", "\"", ":", "=", "\n", "- ", "---\n", "!Ref ",
                "!Foo ", "${", "%{", "&a ", "*a", "\u0000", "\ud800", "\u001b[2J", "count = -1\n", "\"TRUE\"", "yes",
                "for_each = [1]\n", "Properties: \"str\"\n", "locals {\n  names = 1\n}\n", "null", "#", "/*"};

        private final Path root;
        private final Path outside;
        private final Random random;
        private final List<Path> expected = new ArrayList<>();
        private final Set<Path> names = new LinkedHashSet<>();

        Tree(Path root, Path outside, Random random) {
            this.root = root;
            this.outside = outside;
            this.random = random;
        }

        List<Path> grow() throws IOException {
            for (int files = 1 + random.nextInt(5); files > 0; files--) {
                switch (random.nextInt(7)) {
                    case 0 -> expect(write(name("yaml"), "AWSTemplateFormatVersion: x\n"
                            + hostile(cloudFormationYaml("true").substring(cloudFormationYaml("true").indexOf('\n')
                            + 1)), encoding()));
                    case 1 -> expect(write(name("json"), "{\"AWSTemplateFormatVersion\": \"x\", "
                            + hostile(JSON_TEMPLATE.substring(1)), encoding()));
                    case 2 -> module();
                    case 3 -> planFile();
                    case 4 -> link();
                    case 5 -> oversize();
                    default -> write(name(random.nextBoolean() ? "yaml" : "json"), randomBytes());
                }
            }
            return expected;
        }

        private void expect(Path path) {
            expected.add(path);
        }

        private Path name(String extension) {
            Path path;
            do {
                path = root.resolve("f" + random.nextInt(1000) + "." + extension);
            } while (!names.add(path));
            return path;
        }

        private void module() throws IOException {
            Path dir = Files.createDirectories(name("d"));
            String main = TERRAFORM;
            switch (random.nextInt(5)) {
                case 0 -> main += "module \"child\" {\n  source = \"./child\"\n  pitr = false\n}\n";
                case 1 -> main += "module \"out\" {\n  source = \"../../outside/mod\"\n}\n";
                case 2 -> main += "module \"self\" {\n  source = \"./\"\n}\n";
                default -> { }
            }
            if (main.contains("./child")) {
                Path child = Files.createDirectories(dir.resolve("child"));
                Files.writeString(child.resolve("main.tf"), "variable \"pitr\" {}\nresource \"aws_dynamodb_table\" "
                        + "\"c\" {\n  point_in_time_recovery {\n    enabled = var.pitr\n  }\n}\n");
            }
            write(dir.resolve(random.nextInt(4) == 0 ? "main.tf.json" : "main.tf"),
                    random.nextInt(4) == 0 ? main : hostile(main), encoding());
            switch (random.nextInt(6)) {
                case 0 -> Files.writeString(dir.resolve("terraform.tfvars"), hostile("pitr = false\n"));
                case 1 -> Files.writeString(dir.resolve("terraform.tfvars.json"), hostile("{\"pitr\": \"0\"}"));
                case 2 -> Files.writeString(dir.resolve("override.tf"), "variable \"pitr\" {\n  default = false\n}\n");
                case 3 -> Files.createSymbolicLink(dir.resolve("terraform.tfvars"), outside.resolve("prod.tfvars"));
                default -> { }
            }
            expect(dir);
        }

        private void planFile() throws IOException {
            String[] values = {"{\"name\": \"t\", \"point_in_time_recovery\": [{\"enabled\": true}]}", "5", "null",
                    "[" .repeat(3000) + "]".repeat(3000), "{\"point_in_time_recovery\": \"TRUE\"}"};
            String text = plan(values[random.nextInt(values.length)]);
            if (random.nextBoolean()) {
                text = text.substring(0, text.length() - random.nextInt(text.length() / 2));
            }
            Path path = write(name("json"), text, encoding());
            if (text.contains("\"planned_values\"")) {
                expect(path);
            }
        }

        private void link() throws IOException {
            Path link = name(random.nextBoolean() ? "yaml" : "tf");
            switch (random.nextInt(4)) {
                case 0 -> Files.createSymbolicLink(link, outside.resolve(random.nextBoolean() ? "secret.yaml"
                        : "mod/main.tf"));
                case 1 -> Files.createSymbolicLink(link, outside.resolve("nothing-here"));
                case 2 -> Files.createSymbolicLink(root.resolve("loop" + random.nextInt(1000)), root);
                default -> Files.createSymbolicLink(link, outside.resolve("mod"));
            }
            if (Files.isRegularFile(link) && link.toString().endsWith(".yaml")) {
                expect(link);   // a link to an outside file: an error that says so
            } else if (Files.isRegularFile(link)) {
                expect(root);   // a .tf link makes the tree's top a root module, which cannot read it
            }
        }

        private void oversize() throws IOException {
            String[][] heads = {{"yaml", "AWSTemplateFormatVersion: x\n"}, {"json", "{\"format_version\": \"1.2\"}"},
                    {"tf", "resource \"aws_dynamodb_table\" \"t\" {}\n"}};
            String[] head = heads[random.nextInt(heads.length)];
            long size = head[0].equals("json") ? 65L << 20 : random.nextInt(8) == 0 ? (2L << 30) + 7 : 9L << 20;
            Path path = name(head[0]);
            try (RandomAccessFile out = new RandomAccessFile(path.toFile(), "rw")) {
                out.write(head[1].getBytes(StandardCharsets.UTF_8));
                out.setLength(size);
            }
            expect(head[0].equals("tf") ? root : path);
        }

        /** Values Terraform or CloudFormation refuse, in place of valid ones. */
        private static final String[][] REFUSED = {{"count      = 2", "count = -1"}, {"count      = 2", "count = 1.5"},
                {"count      = 2", "count = \"abc\""}, {"enabled = var.pitr", "enabled = \"TRUE\""},
                {"names = toset([\"a\", \"b\"])", "names = [1, 2]"},
                {"ConditionValue: daily", "ConditionValue: !Ref Nope"},
                {"PointInTimeRecoveryEnabled: !If [On, true, false]", "PointInTimeRecoveryEnabled: \"yes\""},
                {"    Properties:\n      DBInstanceIdentifier: main\n      Tags: [{Key: backup, Value: daily}]",
                        "    Properties: \"str\""}};

        /** Mutations, deep nesting, duplicate lines, values that Terraform or CloudFormation refuse. */
        private String hostile(String text) {
            String out = text;
            for (String[] refused : REFUSED) {
                if (random.nextInt(4) == 0) {
                    out = out.replace(refused[0], refused[1]);
                }
            }
            for (int edits = random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(out.length() + 1);
                out = switch (random.nextInt(6)) {
                    case 0 -> out.substring(0, at) + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + out.substring(at);
                    case 1 -> out.substring(0, at) + out.substring(Math.min(out.length(), at + 1 + random.nextInt(30)));
                    case 2 -> {
                        String[] lines = out.split("\n", -1);
                        String line = lines[random.nextInt(lines.length)];
                        yield out.substring(0, at) + "\n" + line + "\n" + out.substring(at);
                    }
                    case 3 -> out.substring(0, at) + "[".repeat(400 + random.nextInt(800))
                            + "]".repeat(400 + random.nextInt(800)) + out.substring(at);
                    case 4 -> out.replace("true", random.nextBoolean() ? "\"yes\"" : "\"TRUE\"")
                            .replace("count      = 2", "count = " + (random.nextBoolean() ? "-1" : "1.5"));
                    default -> random.nextInt(10) == 0 ? out + "\nx: " + "a".repeat(200_000) + "\n" : out;
                };
            }
            return out;
        }

        private Charset encoding() {
            return switch (random.nextInt(6)) {
                case 0 -> StandardCharsets.UTF_16LE;
                case 1 -> StandardCharsets.UTF_16BE;
                default -> StandardCharsets.UTF_8;
            };
        }

        /** Text in an encoding, UTF-16 with its byte order mark, UTF-8 sometimes with one. */
        private Path write(Path path, String text, Charset charset) throws IOException {
            byte[] body = text.getBytes(charset);
            byte[] mark = charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xff, (byte) 0xfe}
                    : charset == StandardCharsets.UTF_16BE ? new byte[] {(byte) 0xfe, (byte) 0xff}
                    : random.nextInt(4) == 0 ? new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf} : new byte[0];
            byte[] bytes = new byte[mark.length + body.length];
            System.arraycopy(mark, 0, bytes, 0, mark.length);
            System.arraycopy(body, 0, bytes, mark.length, body.length);
            return write(path, bytes);
        }

        private static Path write(Path path, byte[] bytes) throws IOException {
            return Files.write(path, bytes);
        }

        private byte[] randomBytes() {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            return bytes;
        }
    }
}
