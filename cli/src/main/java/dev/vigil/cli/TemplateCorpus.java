package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded corpus of CloudFormation templates for benchmarks: YAML (short-form tags) and JSON, 1–10 KB,
 * DynamoDB tables with PITR on, off and from parameters, RDS instances with backup selections by reference,
 * tags and conditions, parameters and conditions, padding resources of other types, a few files that do not
 * parse and some YAML/JSON that is not CloudFormation. 100 files per directory. {@link TerraformCorpus} writes the
 * Terraform half of the benchmark corpus.
 */
final class TemplateCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was written: files by kind, and bytes. */
    record Written(int templates, int broken, int other, long bytes) {
    }

    private final Random random;

    private TemplateCorpus(long seed) {
        this.random = new Random(seed);
    }

    static Written write(Path dir, int files, long seed) throws IOException {
        return new TemplateCorpus(seed).writeAll(dir, files);
    }

    private Written writeAll(Path dir, int files) throws IOException {
        int templates = 0;
        int broken = 0;
        int other = 0;
        long bytes = 0;
        for (int i = 0; i < files; i++) {
            Path sub = dir.resolve(String.format("stack-%03d", i / 100));
            Files.createDirectories(sub);
            boolean yaml = random.nextInt(10) < 6;
            String text;
            if (i % 20 == 7) {
                text = yaml ? "services:\n  web:\n    image: nginx\n    ports: [\"80:80\"]\n"
                        : "{\"name\": \"app-" + i + "\", \"version\": \"1.0.0\", \"dependencies\": {}}\n";
                other++;
            } else {
                text = render(template(i, 1024 + random.nextInt(8 * 1024), yaml), yaml);
                if (i % 250 == 3) {
                    text = yaml ? text.replace("Resources:\n", "Resources:\n  Broken: [unclosed\n")
                            : text.substring(0, text.length() / 2);
                    broken++;
                } else {
                    templates++;
                }
            }
            Files.writeString(sub.resolve("template-" + i + (yaml ? ".yaml" : ".json")), text, StandardCharsets.UTF_8);
            bytes += text.length();
        }
        return new Written(templates, broken, other, bytes);
    }

    private static String render(Map<String, Object> node, boolean yaml) {
        try {
            return yaml ? Yaml.render(node) : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template of about {@code targetBytes} as rendered: padding resources are added until it is reached. */
    private Map<String, Object> template(int index, int targetBytes, boolean yaml) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", "Benchmark stack " + index);
        template.put("Parameters", Map.of("Env", Map.of("Type", "String", "Default", "dev"),
                "EnablePitr", Map.of("Type", "String", "AllowedValues", List.of("true", "false"))));
        template.put("Conditions", Map.of("IsProd", Map.of("Fn::Equals", List.of(ref("Env"), "prod"))));
        Map<String, Object> resources = new LinkedHashMap<>();
        template.put("Resources", resources);
        int tables = 1 + random.nextInt(3);
        for (int t = 0; t < tables; t++) {
            resources.put("Table" + t, table(index, t));
        }
        if (random.nextBoolean()) {
            resources.put("Db", Map.of("Type", "AWS::RDS::DBInstance", "Properties", Map.of(
                    "Engine", "postgres", "DBInstanceClass", "db.t4g.micro",
                    "Tags", List.of(Map.of("Key", "backup", "Value", "daily")))));
            resources.put("Plan", Map.of("Type", "AWS::Backup::BackupPlan", "Properties",
                    Map.of("BackupPlan", Map.of("BackupPlanName", "daily-" + index))));
            resources.put("Selection", selection());
        }
        int size = render(template, yaml).length();
        for (int p = 0; size < targetBytes; p++) {
            Map<String, Object> queue = padding(p);
            resources.put("Queue" + p, queue);
            size += render(Map.of("Queue" + p, queue), yaml).length();   // a little under: nesting adds indentation
        }
        return template;
    }

    private Map<String, Object> table(int index, int t) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("TableName", Map.of("Fn::Sub", "${Env}-table-" + index + "-" + t));
        properties.put("BillingMode", "PAY_PER_REQUEST");
        properties.put("AttributeDefinitions", List.of(Map.of("AttributeName", "pk", "AttributeType", "S")));
        properties.put("KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH")));
        switch (random.nextInt(4)) {
            case 0 -> properties.put("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true));
            case 1 -> properties.put("PointInTimeRecoverySpecification",
                    Map.of("PointInTimeRecoveryEnabled", ref("EnablePitr")));
            case 2 -> properties.put("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled",
                    Map.of("Fn::If", List.of("IsProd", true, false))));
            default -> { }
        }
        return Map.of("Type", "AWS::DynamoDB::Table", "Properties", properties);
    }

    private Map<String, Object> selection() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("SelectionName", "daily");
        body.put("IamRoleArn", Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/backup"));
        switch (random.nextInt(3)) {
            case 0 -> body.put("Resources", List.of(Map.of("Fn::GetAtt", List.of("Db", "DBInstanceArn"))));
            case 1 -> body.put("ListOfTags", List.of(Map.of("ConditionType", "STRINGEQUALS",
                    "ConditionKey", "backup", "ConditionValue", "daily")));
            default -> {
                body.put("Resources", List.of("arn:aws:rds:*:*:db:*"));
                body.put("Conditions", Map.of("StringEquals",
                        List.of(Map.of("ConditionKey", "aws:ResourceTag/backup", "ConditionValue", "daily"))));
            }
        }
        return Map.of("Type", "AWS::Backup::BackupSelection",
                "Properties", Map.of("BackupPlanId", ref("Plan"), "BackupSelection", body));
    }

    private Map<String, Object> padding(int p) {
        return Map.of("Type", "AWS::SQS::Queue", "Properties", Map.of(
                "QueueName", Map.of("Fn::Sub", "${AWS::StackName}-queue-" + p),
                "VisibilityTimeout", 30 + random.nextInt(300),
                "MessageRetentionPeriod", 345600,
                "Tags", List.of(Map.of("Key", "team", "Value", "payments-" + random.nextInt(50)),
                        Map.of("Key", "cost-centre", "Value", "cc-" + random.nextInt(1000)))));
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    /** Block-style YAML with CloudFormation's short-form tags for Ref, Sub and GetAtt. */
    static final class Yaml {

        private Yaml() {
        }

        static String render(Map<String, Object> template) {
            StringBuilder out = new StringBuilder();
            mapping(out, template, 0);
            return out.toString();
        }

        private static void mapping(StringBuilder out, Map<?, ?> map, int indent) {
            map.forEach((key, value) -> {
                out.append(" ".repeat(indent)).append(key).append(':');
                value(out, value, indent);
            });
        }

        private static void value(StringBuilder out, Object value, int indent) {
            String tag = shortForm(value);
            if (tag != null) {
                out.append(' ').append(tag).append('\n');
            } else if (value instanceof Map<?, ?> map) {
                out.append('\n');
                mapping(out, map, indent + 2);
            } else if (value instanceof List<?> list) {
                out.append('\n');
                for (Object item : list) {
                    out.append(" ".repeat(indent + 2)).append("-");
                    if (item instanceof Map<?, ?> map && shortForm(item) == null) {
                        StringBuilder nested = new StringBuilder();
                        mapping(nested, map, indent + 4);
                        out.append(' ').append(nested.substring(indent + 4));
                    } else {
                        value(out, item, indent + 2);
                    }
                }
            } else {
                out.append(' ').append(scalar(value)).append('\n');
            }
        }

        private static String shortForm(Object value) {
            if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
                return null;
            }
            Map.Entry<?, ?> e = map.entrySet().iterator().next();
            return switch (String.valueOf(e.getKey())) {
                case "Ref" -> "!Ref " + e.getValue();
                case "Fn::Sub" -> "!Sub " + scalar(e.getValue());
                case "Fn::GetAtt" -> "!GetAtt " + String.join(".", ((List<?>) e.getValue()).stream()
                        .map(String::valueOf).toList());
                default -> null;
            };
        }

        private static String scalar(Object value) {
            return value instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                    : String.valueOf(value);
        }
    }
}
