package dev.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.engine.Engine;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.engine.Suppression;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.hcl.terraform.TerraformOptions;
import dev.vigil.iac.cloudformation.CloudFormationLoader;
import dev.vigil.iac.cloudformation.CloudFormationOptions;
import dev.vigil.iac.cloudformation.CloudFormationScan;
import dev.vigil.iac.terraform.TerraformScan;
import dev.vigil.iac.terraform.TerraformScanner;
import dev.vigil.service.AccountConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/template-scanner/scan}: a CloudFormation template or a Terraform plan JSON in the body, checked by the
 * same loaders and rules as {@code vigil iac}; the checks come back as Conformity's check objects with the resource's
 * logical ID or address. With {@code accountId}, that account's rule configuration (risk levels, settings, rules
 * turned off) applies. A template that does not parse is a 422 with its line.
 */
final class TemplateScannerApi {

    static final String CLOUDFORMATION = "cloudformation-template";
    static final String TERRAFORM = "terraform-template";
    /** Faults that mean the text itself is broken, not that a resource could not be decided. */
    private static final Set<String> PARSE_FAULTS = Set.of("cloudformation:parse", "terraform:plan");

    private final Backend backend;

    TemplateScannerApi(Backend backend) {
        this.backend = backend;
    }

    void register(RoutesConfig routes) {
        routes.post("/v1/template-scanner/scan", this::scan);
    }

    private record Loaded(Inventory inventory, Suppression suppression) {
    }

    private void scan(Context ctx) {
        JsonNode attributes = JsonApi.body(ctx).path("data").path("attributes");
        String type = attributes.path("type").asText("");
        JsonNode contents = attributes.path("contents");
        if (!contents.isTextual() || contents.asText().isBlank()) {
            throw ApiError.badRequest("data.attributes.contents: the template (or the Terraform plan JSON) as a string");
        }
        String accountId = attributes.path("accountId").isTextual() ? attributes.path("accountId").asText() : null;
        List<RuleDefinition> rules = rules(accountId);
        String text = contents.asText();
        Loaded loaded = switch (type) {
            case CLOUDFORMATION -> cloudFormation(text, accountId);
            case TERRAFORM -> terraform(text, accountId);
            default -> throw ApiError.badRequest("data.attributes.type: '" + type + "' is not a template type; expected "
                    + CLOUDFORMATION + " or " + TERRAFORM + " (a Terraform plan: terraform show -json)");
        };
        List<Fault> broken = loaded.inventory().faults().stream().filter(f -> PARSE_FAULTS.contains(f.operation())).toList();
        if (!broken.isEmpty()) {
            throw new ApiError(422, "the template does not parse: "
                    + broken.stream().map(Fault::message).collect(Collectors.joining("; ")));
        }
        ScanResult result = loaded.suppression().applyTo(Engine.evaluate(accountId, rules, loaded.inventory()));
        ObjectNode document = JsonApi.document();
        ArrayNode data = document.putArray("data");
        String base = backend.baseUrl(ctx);
        result.checks().forEach(c -> data.add(CheckJson.of(c, base)));
        JsonApi.send(ctx, document);
    }

    private List<RuleDefinition> rules(String accountId) {
        if (accountId == null) {
            return backend.catalog().all();
        }
        AccountConfig account = backend.service().config().account(accountId).orElseThrow(() -> ApiError.notFound(
                "data.attributes.accountId: no account " + accountId + " in vigil serve's config"));
        return backend.catalog().catalog().configure(account.rules());
    }

    private static Loaded cloudFormation(String text, String accountId) {
        String file = text.stripLeading().startsWith("{") ? "template.json" : "template.yaml";
        CloudFormationScan scan = new CloudFormationLoader(CloudFormationOptions.defaults().withAccountId(accountId))
                .load(file, text);
        if (scan.templates().isEmpty() && scan.inventory().faults().isEmpty()) {
            throw new ApiError(422, "the contents are not a CloudFormation template: a JSON or YAML mapping with "
                    + "AWSTemplateFormatVersion or Resources of AWS:: types");
        }
        return new Loaded(scan.inventory(), scan.suppressions()::reason);
    }

    private static Loaded terraform(String text, String accountId) {
        if (!TerraformScanner.looksLikePlan(text)) {
            throw new ApiError(422, "the contents are not a Terraform plan: terraform-template takes the JSON of "
                    + "'terraform show -json PLANFILE' (with format_version and planned_values)");
        }
        TerraformScan scan = new TerraformScanner(TerraformOptions.defaults(), null, accountId).loadPlan("plan.json", text);
        return new Loaded(scan.inventory(), scan.suppressions()::reason);
    }
}
