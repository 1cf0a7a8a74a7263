package dev.vigil.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.aws.EmulatorProxy.Response;
import dev.vigil.aws.emulator.DemoAccount;
import dev.vigil.aws.emulator.MotoServer;
import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.engine.ScanResult;
import dev.vigil.core.rule.Catalog;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * An AWS Organization in moto: the management account and two member accounts, each scanned through an
 * assumed role (moto keeps every account's resources apart). The proxy denies AssumeRole into a third
 * account, in the shape STS documents.
 */
class MultiAccountScanTest {

    private static final String MANAGEMENT = "123456789012";
    private static MotoServer moto;
    private static EmulatorProxy proxy;
    private static List<String> members;
    private static String denied;

    @BeforeAll
    static void organization() throws Exception {
        moto = Emulator.fresh();
        try (AwsConnection aws = new AwsConnection(Emulator.options(moto.endpoint(), List.of()))) {
            OrganizationsClient org = aws.client(OrganizationsClient::builder, "aws-global");
            org.createOrganization(r -> r.featureSet("ALL"));
            for (String name : List.of("alpha", "beta", "gamma")) {
                org.createAccount(r -> r.accountName(name).email(name + "@example.com"));
            }
            List<String> created = org.listAccounts().accounts().stream().map(a -> a.id())
                    .filter(id -> !id.equals(MANAGEMENT)).sorted().toList();
            members = created.subList(0, 2);
            denied = created.get(2);
            DemoAccount.createTable(aws.client(DynamoDbClient::builder, "us-east-1"), "mgmt-table", true);
            for (String member : members) {
                try (AwsConnection as = new AwsConnection(Emulator.options(moto.endpoint(), List.of())
                        .withCredentials(assume(aws, member)))) {
                    DemoAccount.createTable(as.client(DynamoDbClient::builder, "us-east-1"), "t-" + member, false);
                    DemoAccount.createTable(as.client(DynamoDbClient::builder, "eu-west-1"), "u-" + member, true);
                }
            }
        }
        String deniedRole = "arn:aws:iam::" + denied + ":role/VigilReadOnly";
        proxy = new EmulatorProxy(moto.endpoint())
                .when(r -> "AssumeRole".equals(r.operation()) && deniedRole.equals(r.form("RoleArn")),
                        r -> new Response(403, "text/xml",
                                EmulatorProxy.recorded("Sts-AccessDenied.xml", Map.of("roleArn", deniedRole))));
    }

    private static StsAssumeRoleCredentialsProvider assume(AwsConnection aws, String account) {
        return StsAssumeRoleCredentialsProvider.builder().stsClient(aws.client(StsClient::builder, "us-east-1"))
                .refreshRequest(r -> r.roleArn("arn:aws:iam::" + account + ":role/VigilReadOnly").roleSessionName("seed"))
                .build();
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    private static ScanResult scan(Accounts accounts, AwsConnection aws) {
        return new MultiAccountScanner(aws, accounts).scan(Catalog.load().select(List.of("DynamoDB-003")),
                (r, d, t, n) -> { });
    }

    @Test
    void everyActiveAccountOfTheOrganizationIsScannedThroughItsRole() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of("us-east-1", "eu-west-1")))) {
            ScanResult result = scan(new Accounts(true, List.of(), "VigilReadOnly", null, 2), aws);

            Map<String, Status> checks = result.checkList().stream()
                    .collect(Collectors.toMap(Check::resource, Check::status));
            assertThat(checks).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "arn:aws:dynamodb:us-east-1:" + MANAGEMENT + ":table/mgmt-table", Status.SUCCESS,
                    "arn:aws:dynamodb:us-east-1:" + members.get(0) + ":table/t-" + members.get(0), Status.FAILURE,
                    "arn:aws:dynamodb:eu-west-1:" + members.get(0) + ":table/u-" + members.get(0), Status.SUCCESS,
                    "arn:aws:dynamodb:us-east-1:" + members.get(1) + ":table/t-" + members.get(1), Status.FAILURE,
                    "arn:aws:dynamodb:eu-west-1:" + members.get(1) + ":table/u-" + members.get(1), Status.SUCCESS,
                    "sts:AssumeRole@" + denied + "/global", Status.ERROR));
            assertThat(result.checkList()).filteredOn(c -> c.status() == Status.ERROR).singleElement()
                    .satisfies(c -> assertThat(c.message()).contains("cannot scan account " + denied,
                            "AccessDenied", "not authorized to perform: sts:AssumeRole"));
            assertThat(result.account()).isEqualTo(MANAGEMENT);
            // one ListTables per account and region: 3 reachable accounts x 2 regions
            assertThat(aws.stats().calls("dynamodb:ListTables")).isEqualTo(6);
            assertThat(aws.stats().calls("dynamodb:DescribeContinuousBackups")).isEqualTo(5);
            assertThat(aws.stats().calls("organizations:ListAccounts")).isEqualTo(1);
        }
    }

    @Test
    void namedAccountsOnly() {
        try (AwsConnection aws = new AwsConnection(Emulator.options(proxy.endpoint(), List.of("us-east-1")))) {
            ScanResult result = scan(new Accounts(false, List.of(members.get(1)), "VigilReadOnly", "ext-42", 1), aws);
            assertThat(result.checkList()).extracting(Check::resourceName).containsExactly("t-" + members.get(1));
            assertThat(proxy.requests("AssumeRole")).last()
                    .satisfies(r -> assertThat(r.form("ExternalId")).isEqualTo("ext-42"));
            assertThat(aws.stats().calls("organizations:ListAccounts")).isZero();
        }
    }
}
