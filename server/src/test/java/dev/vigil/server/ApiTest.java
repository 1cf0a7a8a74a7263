package dev.vigil.server;

import static dev.vigil.server.Fixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.check.Status;
import dev.vigil.service.Recheck;
import dev.vigil.store.CheckQuery;
import dev.vigil.store.Checks;
import dev.vigil.store.Run;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over real HTTP against a running vigil serve on moto. Every response is checked against the OpenAPI
 * document as it arrives ({@link Http}); the last test demands that every documented operation was answered and that
 * the document and the server's routes name the same operations.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiTest {

    @TempDir
    static Path dir;
    static Fixture fixture;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        fixture = Fixture.start(dir);
        http = new Http(fixture.base());
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static String key() {
        return fixture.key;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String checkId(String region, String table) {
        return "ccc:" + ACCOUNT + ":DynamoDB-003:DynamoDB:" + region + ":" + table;
    }

    private static String path(String id) {
        return "/v1/checks/" + id.replace("<", "%3C").replace(">", "%3E");
    }

    @Test
    void everyRouteButHealthNeedsAValidKey() {
        assertThat(http.get("/health", null).status()).isEqualTo(200);
        for (String path : List.of("/v1/checks", "/v1/accounts", "/v1/services", "/v1/runs", "/v1/channels",
                "/v1/openapi.json", "/v1/rules/DynamoDB-003", "/v1/accounts/" + ACCOUNT)) {
            Http.Response none = http.get(path, null);
            assertThat(none.status()).as(path).isEqualTo(401);
            assertThat(none.detail()).contains("Authorization: ApiKey");
            assertThat(http.get(path, "vigil_not-a-real-key").status()).as(path).isEqualTo(401);
            assertThat(http.get(path, key()).status()).as(path).isEqualTo(200);
        }
        assertThat(http.post("/v1/accounts/" + ACCOUNT + "/scan", null, "").status()).isEqualTo(401);
        assertThat(http.patch(path(checkId("us-east-1", "sessions")), null, "{}").status()).isEqualTo(401);
    }

    @Test
    void checksAreConformitysObjectsWithTheirLifecycleDates() {
        Http.Response response = http.get("/v1/checks?filter%5BruleIds%5D=DynamoDB-003&filter%5Bregions%5D=us-east-1"
                + "&filter%5Bstatuses%5D=FAILURE", key());
        assertThat(response.header("Content-Type")).startsWith("application/vnd.api+json");
        JsonNode data = response.json().get("data");
        assertThat(response.json().at("/meta/total").asLong()).isEqualTo(1);
        JsonNode check = data.get(0);
        assertThat(check.get("type").asText()).isEqualTo("checks");
        assertThat(check.get("id").asText()).isEqualTo(checkId("us-east-1", "sessions"));
        JsonNode a = check.get("attributes");
        assertThat(a.get("status").asText()).isEqualTo("FAILURE");
        assertThat(a.get("risk-level").asText()).isEqualTo("HIGH");
        assertThat(a.get("pretty-risk-level").asText()).isEqualTo("High");
        assertThat(a.get("resource").asText()).isEqualTo("sessions");
        assertThat(a.get("providerResourceId").asText()).isEqualTo("arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/sessions");
        assertThat(a.get("ccrn").asText()).isEqualTo("ccrn:aws:" + ACCOUNT + ":DynamoDB:us-east-1:sessions");
        assertThat(a.get("failure-discovery-date").asLong())
                .isEqualTo(fixture.store.checks().get(checkId("us-east-1", "sessions")).orElseThrow().failureDiscovered().toEpochMilli());
        assertThat(a.get("created-date").asLong()).isPositive();
        assertThat(a.get("suppressed").asBoolean()).isFalse();
        assertThat(a.get("suppressed-until").isNull()).isTrue();
        assertThat(a.get("rule-title").asText()).isEqualTo("DynamoDB Continuous Backups");
        assertThat(a.get("categories")).extracting(JsonNode::asText).containsExactly("reliability");
        assertThat(a.get("resolutionPageUrl").asText()).isEqualTo(fixture.base() + "/rules/DynamoDB-003");
        assertThat(check.at("/relationships/rule/data/id").asText()).isEqualTo("DynamoDB-003");
        assertThat(check.at("/relationships/account/data/id").asText()).isEqualTo(ACCOUNT);
    }

    @Test
    void filtersSelectWhatTheStoreHoldsAndPagesAddUp() {
        long all = fixture.store.checks().count(CheckQuery.ALL);
        assertThat(http.get("/v1/checks", key()).json().at("/meta/total").asLong()).isEqualTo(all);
        long failing = fixture.store.checks().count(CheckQuery.ALL.withStatuses(Set.of(Status.FAILURE)));
        assertThat(http.get("/v1/checks?filter%5Bstatuses%5D=FAILURE", key()).json().at("/meta/total").asLong())
                .isEqualTo(failing);
        // a compliance standard or category selects the rules that map to it, from the catalog
        long nist5 = fixture.store.checks().count(CheckQuery.ALL.withRuleIds(
                new CatalogIndex(fixture.service.catalog()).rulesOfStandard("NIST5")));
        assertThat(http.get("/v1/checks?filter%5Bcompliances%5D=nist5", key()).json().at("/meta/total").asLong())
                .isEqualTo(nist5).isPositive();
        assertThat(http.get("/v1/checks?filter%5Bcategories%5D=reliability&filter%5BruleIds%5D=DynamoDB-003"
                + "&filter%5Bregions%5D=eu-west-1", key()).json().at("/meta/total").asLong()).isEqualTo(3);
        assertThat(http.get("/v1/checks?filter%5BaccountIds%5D=999999999999", key()).json().at("/meta/total").asLong())
                .isZero();

        List<String> paged = new ArrayList<>();
        for (int page = 0; page * 2 < all; page++) {
            http.get("/v1/checks?page%5Bsize%5D=2&page%5Bnumber%5D=" + page, key()).json().get("data")
                    .forEach(c -> paged.add(c.get("id").asText()));
        }
        List<String> ids = new ArrayList<>();
        fixture.store.checks().each(CheckQuery.ALL, 0, 0, c -> ids.add(c.id()));
        assertThat(paged).containsExactlyElementsOf(ids);
    }

    @Test
    void aBadFilterIsA400NamingTheFilter() {
        record Bad(String query, String named) {}
        for (Bad bad : List.of(new Bad("filter%5BriskLevels%5D=SEVERE", "filter[riskLevels]: 'SEVERE'"),
                new Bad("filter%5Bstatuses%5D=BROKEN", "filter[statuses]"),
                new Bad("filter%5BaccountIds%5D=12", "filter[accountIds]: '12'"),
                new Bad("filter%5Bregions%5D=mars", "filter[regions]: 'mars'"),
                new Bad("filter%5BruleIds%5D=NOPE-1", "filter[ruleIds]: 'NOPE-1'"),
                new Bad("filter%5Bcategories%5D=speed", "filter[categories]"),
                new Bad("filter%5Bcompliances%5D=XYZ", "filter[compliances]"),
                new Bad("filter%5Bsuppressed%5D=maybe", "filter[suppressed]"),
                new Bad("filter%5Bcolour%5D=red", "unknown filter 'filter[colour]'"),
                new Bad("colour=red", "unknown query parameter 'colour'"),
                new Bad("page%5Bsize%5D=1001", "page[size]"),
                new Bad("page%5Bsize%5D=ten", "page[size]"),
                new Bad("page%5Bnumber%5D=-1", "page[number]"),
                new Bad("page%5Bsize%5D=1000&page%5Bnumber%5D=10", "first 10000"))) {
            Http.Response response = http.get("/v1/checks?" + bad.query(), key());
            assertThat(response.status()).as(bad.query()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/status").asText()).isEqualTo("400");
            assertThat(response.detail()).as(bad.query()).contains(bad.named()).doesNotContain("\n");
        }
    }

    @Test
    void unknownIdsAre404() {
        assertThat(http.get("/v1/checks/ccc:nothing", key()).status()).isEqualTo(404);
        assertThat(http.get("/v1/accounts/999999999999", key()).status()).isEqualTo(404);
        assertThat(http.get("/v1/runs/no-such-run", key()).status()).isEqualTo(404);
        assertThat(http.get("/v1/runs/no-such-run/diff", key()).status()).isEqualTo(404);
        assertThat(http.get("/v1/rules/NOPE-001", key()).status()).isEqualTo(404);
        assertThat(http.patch("/v1/checks/ccc:nothing", key(), "{\"data\":{\"attributes\":{\"suppressed\":true}},"
                + "\"meta\":{\"note\":\"x\"}}").status()).isEqualTo(404);
        Http.Response nowhere = http.get("/v1/nowhere", key());
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.header("Content-Type")).startsWith(JsonApi.MEDIA_TYPE);
    }

    @Test
    void aCheckNamedLikeAScriptIsReadBackByItsId() {
        String id = checkId("eu-west-1", Fixture.HOSTILE);
        Http.Response response = http.get(path(id), key());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/data/attributes/resource").asText()).isEqualTo(Fixture.HOSTILE);
        assertThat(response.header("Content-Type")).startsWith("application/vnd.api+json");
    }

    @Test
    void suppressingGoesThroughTheAuditedPathAndOnlyForFailingChecksAndWritableKeys() {
        String id = checkId("eu-west-1", "customers");
        String body = "{\"data\":{\"type\":\"checks\",\"attributes\":{\"suppressed\":true,\"suppressed-until\":"
                + Instant.now().plus(Duration.ofDays(7)).toEpochMilli() + "}},\"meta\":{\"note\":\"rebuilt nightly\"}}";
        Http.Response readOnly = http.patch(path(id), fixture.readOnlyKey, body);
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(readOnly.detail()).contains("read-only");
        assertThat(http.patch(path(id), key(), body.replace("\"meta\":{\"note\":\"rebuilt nightly\"}", "\"meta\":{}"))
                .detail()).contains("meta.note");
        assertThat(http.patch(path(id), key(), "{\"data\":{\"attributes\":{}},\"meta\":{\"note\":\"x\"}}").status())
                .isEqualTo(400);
        assertThat(http.patch(path(id), key(), "{not json").detail()).startsWith("the body is not JSON");

        Http.Response suppressed = http.patch(path(id), key(), body);
        assertThat(suppressed.status()).isEqualTo(200);
        assertThat(suppressed.json().at("/data/attributes/suppressed").asBoolean()).isTrue();
        assertThat(suppressed.json().at("/data/attributes/suppressed-until").asLong()).isPositive();
        assertThat(fixture.store.checks().audit(id)).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("SUPPRESS");
            assertThat(a.actor()).isEqualTo("api-key:ci");
            assertThat(a.note()).isEqualTo("rebuilt nightly");
        });
        assertThat(http.get("/v1/checks?filter%5Bsuppressed%5D=true&filter%5BruleIds%5D=DynamoDB-003", key()).json()
                .get("data")).extracting(c -> c.get("id").asText()).containsExactly(id);

        Http.Response lifted = http.patch(path(id), key(), "{\"data\":{\"attributes\":{\"suppressed\":false}},"
                + "\"meta\":{\"note\":\"fixed upstream\"}}");
        assertThat(lifted.json().at("/data/attributes/suppressed").asBoolean()).isFalse();
        assertThat(fixture.store.checks().audit(id)).extracting(Checks.AuditEntry::action)
                .containsExactly("SUPPRESS", "UNSUPPRESS");

        Http.Response passing = http.patch(path(checkId("us-east-1", "orders")), key(), body);
        assertThat(passing.status()).isEqualTo(409);
        assertThat(passing.detail()).contains("only a failing check can be suppressed");
    }

    @Test
    void anOnDemandScanStartsARunOrJoinsTheOneGoingAndReadOnlyKeysCannot() {
        assertThat(http.post("/v1/accounts/" + ACCOUNT + "/scan", fixture.readOnlyKey, "").status()).isEqualTo(403);
        assertThat(http.post("/v1/accounts/999999999999/scan", key(), "").status()).isEqualTo(404);
        Http.Response first = http.post("/v1/accounts/" + ACCOUNT + "/scan", key(), "");
        Http.Response second = http.post("/v1/accounts/" + ACCOUNT + "/scan", key(), "");
        assertThat(first.status()).isEqualTo(200);
        String runId = first.json().at("/data/id").asText();
        assertThat(first.json().get("status").asText()).isIn("STARTED", "RUNNING");
        if (second.json().at("/data/attributes/outcome").asText().equals("running")) {
            assertThat(second.json().get("status").asText()).isEqualTo("RUNNING");
            assertThat(second.json().at("/data/id").asText()).isEqualTo(runId);
        }
        Fixture.await("the on-demand run closes", Duration.ofSeconds(120),
                () -> !http.get("/v1/runs/" + runId, key()).json().at("/data/attributes/outcome").asText().equals("running"));
        JsonNode run = http.get("/v1/runs/" + runId, key()).json().get("data");
        assertThat(run.at("/attributes/trigger").asText()).isEqualTo("on-demand");
        assertThat(run.at("/attributes/jobs")).extracting(j -> j.get("region").asText())
                .containsExactly("eu-west-1", "us-east-1");
        assertThat(http.get("/v1/runs?filter%5BaccountIds%5D=" + ACCOUNT, key()).json().get("data"))
                .extracting(r -> r.get("id").asText()).contains(runId, fixture.firstRun.id());
        JsonNode account = http.get("/v1/accounts/" + ACCOUNT, key()).json().get("data");
        assertThat(account.at("/attributes/name").asText()).isEqualTo("prod");
        assertThat(account.at("/attributes/next-run-date").asLong()).isGreaterThan(Instant.now().toEpochMilli());
    }

    @Test
    void anEventReCheckIsARunWithTriggerEventOfItsRegionAlone() {
        Recheck recheck = new Recheck(ACCOUNT, "us-east-1", Set.of("DynamoDB-003"),
                Map.of("DynamoDB-003", Set.of("sessions")));
        AtomicReference<Run> started = new AtomicReference<>();
        Fixture.await("the region is free for a re-check", Duration.ofSeconds(120),
                () -> fixture.service.recheck(recheck).map(r -> started.getAndSet(r) == null).orElse(false));
        String runId = started.get().id();
        Fixture.await("the re-check closes", Duration.ofSeconds(120),
                () -> !http.get("/v1/runs/" + runId, key()).json().at("/data/attributes/outcome").asText().equals("running"));
        JsonNode run = http.get("/v1/runs/" + runId, key()).json().get("data");
        assertThat(run.at("/attributes/trigger").asText()).isEqualTo("event");
        assertThat(run.at("/attributes/outcome").asText()).isEqualTo("succeeded");
        assertThat(run.at("/attributes/jobs")).extracting(j -> j.get("region").asText()).containsExactly("us-east-1");
        assertThat(http.get("/v1/runs/" + runId + "/diff", key()).status()).isEqualTo(200);
        assertThat(http.get("/v1/runs?filter%5BaccountIds%5D=" + ACCOUNT, key()).json().get("data"))
                .extracting(r -> r.get("id").asText()).contains(runId);
        assertThat(http.get("/v1/accounts/" + ACCOUNT, key()).json().at("/data/attributes/next-run-date").asLong())
                .as("an event re-check does not stand for the scheduled scan").isGreaterThan(Instant.now().toEpochMilli());
    }

    @Test
    void aRunsDiffListsWhatItChangedAndChannelsNeverShowTheirSecrets() {
        JsonNode diff = http.get("/v1/runs/" + fixture.firstRun.id() + "/diff", key()).json().get("data");
        assertThat(diff.at("/attributes/new-failures")).extracting(i -> i.get("resourceName").asText())
                .contains("sessions", "customers", Fixture.HOSTILE);
        Http.Response channels = http.get("/v1/channels", key());
        assertThat(channels.json().at("/data/0/attributes/name").asText()).isEqualTo("audit-hook");
        assertThat(channels.json().at("/data/0/attributes/filter/riskLevels/0").asText()).isEqualTo("HIGH");
        assertThat(channels.body()).doesNotContain(Fixture.HOOK_URL, "very-secret-path", Fixture.HOOK_SECRET);
        assertThat(fixture.log).noneMatch(line -> line.contains(Fixture.HOOK_SECRET) || line.contains(fixture.key)
                || line.contains("very-secret-path"));
    }

    @Test
    void theCatalogComesFromTheRulesMetadata() {
        JsonNode services = http.get("/v1/services", key()).json();
        int rules = fixture.service.catalog().all().size();
        assertThat(services.get("included")).hasSize(rules);
        assertThat(services.get("data")).extracting(s -> s.get("id").asText()).contains("DynamoDB", "RDS", "Backup");
        assertThat(http.get("/v1/rules", key()).json().get("data")).hasSize(rules);
        JsonNode rule = http.get("/v1/rules/rds-035", key()).json().get("data");
        assertThat(rule.get("id").asText()).isEqualTo("RDS-035");
        assertThat(rule.at("/attributes/controls")).extracting(JsonNode::asText).contains("NIST5:CM-3");
        assertThat(rule.at("/attributes/article").asText()).contains("## ");
    }

    @Test
    void theTemplateScannerChecksATemplateWithTheRulesOfVigilIac() throws Exception {
        String template = """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
                      KeySchema: [{ AttributeName: id, KeyType: HASH }]
                """;
        JsonNode checks = scan("cloudformation-template", template).json().get("data");
        // the catalog's other table rules (DynamoDB-004, -005, Vigil-DynamoDB-001) check the table too
        assertThat(checks).filteredOn(c -> c.at("/relationships/rule/data/id").asText().equals("DynamoDB-003"))
                .singleElement().satisfies(c -> {
            assertThat(c.at("/attributes/resource").asText()).isEqualTo("Orders");
            assertThat(c.at("/attributes/status").asText()).isEqualTo("FAILURE");
            assertThat(c.at("/attributes/line").asInt()).isEqualTo(3);
            assertThat(c.at("/relationships/rule/data/id").asText()).isEqualTo("DynamoDB-003");
        });

        Path plan = Path.of(System.getProperty("vigil.root", "..")).resolve("iac/src/test/resources/terraform/plan/plan.json");
        JsonNode fromPlan = scan("terraform-template", Files.readString(plan)).json().get("data");
        assertThat(fromPlan).extracting(c -> c.at("/attributes/resource").asText()).contains("aws_dynamodb_table.users");

        Http.Response broken = scan("cloudformation-template", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
                + "  Orders: [unclosed\n");
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.detail()).startsWith("the template does not parse: template.yaml:");
        assertThat(scan("cloudformation-template", "just: yaml").status()).isEqualTo(422);
        assertThat(scan("terraform-template", "{\"resources\": []}").detail()).contains("not a Terraform plan");
        assertThat(scan("pulumi", "x").detail()).contains("data.attributes.type");
        assertThat(http.post("/v1/template-scanner/scan", key(), "").status()).isEqualTo(400);
        assertThat(http.post("/v1/template-scanner/scan", key(), "[1, 2]").status()).isEqualTo(400);
    }

    private static Http.Response scan(String type, String contents) {
        return http.post("/v1/template-scanner/scan", key(), "{\"data\":{\"attributes\":{\"type\":\"" + type
                + "\",\"contents\":" + JsonApi.JSON.valueToTree(contents) + "}}}");
    }

    @Test
    void aBodyOver5MbIs413AndEveryResponseCarriesTheSecurityHeaders() {
        String big = "{\"data\":{\"attributes\":{\"type\":\"cloudformation-template\",\"contents\":\""
                + "x".repeat(6 * 1024 * 1024) + "\"}}}";
        Http.Response tooBig = http.post("/v1/template-scanner/scan", key(), big);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.detail()).contains("over 5 MB");
        for (Http.Response r : List.of(tooBig, http.get("/health", null), http.get("/v1/checks", null),
                http.get("/v1/checks?filter%5Bx%5D=1", key()), http.get("/v1/checks/ccc:none", key()),
                http.get("/v1/checks", key()))) {
            assertThat(r.header("Content-Security-Policy")).isEqualTo(Server.CONTENT_SECURITY_POLICY);
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void noInputMakesA500OrAStackTrace() {
        List<String> paths = List.of("/v1/checks?filter%5BriskLevels%5D=%00", "/v1/checks?page%5Bsize%5D=99999999999999",
                "/v1/checks/%00", "/v1/checks/" + "a".repeat(5000), "/v1/runs?page%5Bsize%5D=0", "/v1/runs?x=1",
                "/v1/checks?filter%5BaccountIds%5D=%27%3B%20DROP%20TABLE%20checks%3B--");
        for (String path : paths) {
            Http.Response r = http.get(path, key());
            assertThat(r.status()).as(path).isBetween(200, 499);
            assertThat(r.body()).as(path).doesNotContain("Exception", "\tat ");
        }
        for (String body : List.of("", "null", "{}", "{\"data\": 5}", "{\"data\":{\"attributes\":{\"type\":[]}}}",
                "{\"data\":{\"attributes\":{\"type\":\"cloudformation-template\",\"contents\":7}}}")) {
            Http.Response r = http.post("/v1/template-scanner/scan", key(), body);
            assertThat(r.status()).as(body).isEqualTo(400);
        }
        Http.Response patch = http.send(http.request(path(checkId("us-east-1", "sessions")), key())
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"data\":{\"attributes\":{\"suppressed\":true,"
                        + "\"suppressed-until\":\"tomorrow\"}},\"meta\":{\"note\":\"x\"}}")).build());
        assertThat(patch.status()).isEqualTo(400);
        assertThat(fixture.store.checks().count(CheckQuery.ALL)).isPositive();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theOpenApiDocumentNamesExactlyTheRoutesAndEveryOperationWasAnswered() {
        Set<String> routes = fixture.server.routes().stream()
                .filter(e -> e.method == HandlerType.GET || e.method == HandlerType.POST || e.method == HandlerType.PATCH
                        || e.method == HandlerType.PUT || e.method == HandlerType.DELETE)
                .filter(e -> e.path.startsWith("/v1/") || e.path.equals("/health"))
                .map(e -> e.method.name() + " " + e.path.replaceAll("<([^>]+)>", "{$1}"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        OpenApiDocument.DOCUMENT.get("paths").properties().forEach(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        assertThat(routes).isEqualTo(documented);
        assertThat(OpenApiDocument.SEEN).containsExactlyInAnyOrderElementsOf(documented);
    }
}
