package dev.vigil.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.CheckId;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Origin;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.core.rule.RuleMeta;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks of live accounts as AWS Security Finding Format (ASFF) findings, for {@code --format asff} and for
 * importing into AWS Security Hub. A finding provider owns {@code RecordState} (AWS's ASFF reference): a failing
 * or undecided check is ACTIVE, a passing or suppressed one ARCHIVED, so re-importing a check that now passes
 * archives the finding it raised before (the {@code Id} is the check's stable {@link CheckId}). Severity and
 * Types go at the top level and in {@code FindingProviderFields}, through which providers update them.
 * Lengths are kept within AWS's documented limits.
 */
public final class AsffFindings {

    public static final String SCHEMA_VERSION = "2018-10-08";
    static final String TYPE = "Software and Configuration Checks/AWS Security Best Practices";
    static final int MAX_ID = 512;
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 1024;
    static final int MAX_RECOMMENDATION = 512;
    static final int MAX_REQUIREMENTS = 32;
    /** Security Hub is regional; account-wide checks (region "global") go where AWS puts global findings. */
    static final String GLOBAL_REGION = "us-east-1";

    private static final JsonFactory FACTORY = new JsonFactory();

    private final ReportedRules rules;
    private final String timestamp;

    /** @param rules the rules that were run, whose articles give the recommendation text */
    public AsffFindings(List<RuleDefinition> rules, Instant time) {
        this.rules = new ReportedRules(rules, List.of());
        this.timestamp = time.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** One finding, ready to import: where it goes, its Id, whether it archives, and its ASFF JSON. */
    public record Finding(String account, String region, String id, boolean archived, String json) {}

    /** The finding for a check of a live account. */
    public Finding of(Check c) {
        Origin.Live live = live(c);
        StringWriter json = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(json)) {
            write(g, c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Finding(live.account(), region(live), id(c), archived(c), json.toString());
    }

    void write(JsonGenerator g, Check c) throws IOException {
        Origin.Live live = live(c);
        RuleMeta rule = c.rule();
        FindingResource resource = FindingResource.of(c);
        String region = region(live);
        g.writeStartObject();
        g.writeStringField("SchemaVersion", SCHEMA_VERSION);
        g.writeStringField("Id", id(c));
        g.writeStringField("ProductArn", "arn:" + resource.partition() + ":securityhub:" + region + ":" + live.account()
                + ":product/" + live.account() + "/default");
        g.writeStringField("ProductName", Product.NAME);
        g.writeStringField("CompanyName", Product.NAME);
        g.writeStringField("GeneratorId", "vigil/" + rule.id());
        g.writeStringField("AwsAccountId", live.account());
        writeTypes(g);
        g.writeStringField("CreatedAt", timestamp);
        g.writeStringField("UpdatedAt", timestamp);
        g.writeStringField("LastObservedAt", timestamp);
        writeSeverity(g, c);
        g.writeStringField("Title", cut(rule.id() + " " + rule.title(), MAX_TITLE, ""));
        g.writeStringField("Description", cut(c.resourceName() + ": " + c.message(), MAX_DESCRIPTION, ""));
        g.writeObjectFieldStart("Remediation");
        g.writeObjectFieldStart("Recommendation");
        String more = " Full steps and code: vigil explain " + rule.id();
        g.writeStringField("Text", cut(rules.recommendation(rule), MAX_RECOMMENDATION - more.length(), "") + more);
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("ProductFields");
        g.writeStringField("vigil/RuleId", rule.id());
        g.writeStringField("vigil/Risk", rule.risk().name());
        g.writeStringField("vigil/Service", rule.service());
        g.writeStringField("vigil/Status", c.status().name());
        g.writeStringField("vigil/Categories", rule.categories().stream().map(Category::slug)
                .collect(Collectors.joining(",")));
        if (c.suppression() != null) {
            g.writeStringField("vigil/Suppressed", c.suppression());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("Resources");
        g.writeStartObject();
        g.writeStringField("Type", resource.type().asff());
        g.writeStringField("Id", resource.isScope() ? "AWS::::Account:" + live.account() : resource.id());
        g.writeStringField("Partition", resource.partition());
        g.writeStringField("Region", region);
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("Compliance");
        g.writeStringField("Status", switch (c.status()) {
            case SUCCESS -> "PASSED";
            case FAILURE -> "FAILED";
            case ERROR, UNKNOWN -> "NOT_AVAILABLE";   // Vigil could not decide: neither passed nor failed
        });
        if (!rule.compliances().isEmpty()) {
            g.writeArrayFieldStart("RelatedRequirements");
            for (String requirement : rule.compliances().subList(0, Math.min(MAX_REQUIREMENTS, rule.compliances().size()))) {
                g.writeString(requirement);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("FindingProviderFields");
        writeSeverity(g, c);
        writeTypes(g);
        g.writeEndObject();
        g.writeStringField("RecordState", archived(c) ? "ARCHIVED" : "ACTIVE");
        g.writeEndObject();
    }

    private static void writeTypes(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("Types");
        g.writeString(TYPE);
        g.writeEndArray();
    }

    /** A passing check is INFORMATIONAL, as AWS advises for PASSED findings; the rule's risk stays as Original. */
    private static void writeSeverity(JsonGenerator g, Check c) throws IOException {
        g.writeObjectFieldStart("Severity");
        g.writeStringField("Label", c.status() == Status.SUCCESS ? "INFORMATIONAL" : label(c.rule().risk()));
        g.writeStringField("Original", c.rule().risk().name());
        g.writeEndObject();
    }

    static String label(Risk risk) {
        return switch (risk) {
            case LOW -> "LOW";
            case MEDIUM -> "MEDIUM";
            case HIGH -> "HIGH";
            case VERY_HIGH, EXTREME -> "CRITICAL";
        };
    }

    private static boolean archived(Check c) {
        return c.status() == Status.SUCCESS || c.suppression() != null;
    }

    private static String region(Origin.Live live) {
        return live.region().contains("-") ? live.region() : GLOBAL_REGION;
    }

    private static Origin.Live live(Check c) {
        if (c.origin() instanceof Origin.Live live) {
            return live;
        }
        throw new IllegalArgumentException("ASFF findings belong to an AWS account; " + c.resource()
                + " is a template resource");
    }

    /** The check's stable identity; one longer than ASFF allows keeps its head and a digest of the whole. */
    static String id(Check c) {
        String id = CheckId.of(c);
        if (id.length() <= MAX_ID) {
            return id;
        }
        String digest = HexFormat.of().formatHex(sha256(id));
        return id.substring(0, MAX_ID - digest.length() - 1) + "#" + digest;
    }

    /** {@code text}, or its head and {@code tail} when it is longer than {@code max}. */
    static String cut(String text, int max, String tail) {
        if (text.length() <= max) {
            return text;
        }
        String head = text.substring(0, max - tail.length() - 1);
        if (Character.isHighSurrogate(head.charAt(head.length() - 1))) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "…" + tail;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
