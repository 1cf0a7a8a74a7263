package dev.vigil.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import dev.vigil.iac.cloudformation.Node.Unresolved;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Intrinsic functions one by one; values are shown as text, unresolved ones as {@code ?<expression>}. */
class TemplateEvaluatorTest {

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              Env: {Type: String, Default: dev}
              Zones: {Type: CommaDelimitedList, Default: "a,b,c"}
              Ids: {Type: "List<AWS::EC2::Subnet::Id>", Default: "s-1, s-2"}
              Ami: {Type: "AWS::SSM::Parameter::Value<String>", Default: /ami/latest}
              Free: {Type: String}
            Mappings:
              Sizes:
                dev: {Count: 1}
                prod: {Count: 3}
            Conditions:
              IsDev: !Equals [dev, !Ref Env]
              IsFree: !Equals [!Ref Free, x]
              InUsEast: !Equals [!Ref "AWS::Region", us-east-1]
              DevOrFree: !Or [!Condition IsDev, !Condition IsFree]
              DevAndFree: !And [!Condition IsDev, !Condition IsFree]
              NotDevAndFree: !And [!Not [!Condition IsDev], !Condition IsFree]
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties: {DBInstanceIdentifier: !Sub "${Env}-DB"}
            Values:
              literalSub: !Sub "${!Literal}-${Env}"
              subVars: !Sub ["${A}.${B}", {A: !Ref Env, B: !FindInMap [Sizes, prod, Count]}]
              pseudo: !Sub "${AWS::Partition}/${AWS::URLSuffix}/${AWS::Region}/${AWS::AccountId}/${AWS::StackName}"
              select: !Select [2, !Ref Zones]
              selectOut: !Select [5, !Ref Zones]
              ids: !Ref Ids
              split: !Split ["/", "a/b"]
              join: !Join ["", [x, !Ref Env, !Select [0, !Split [",", "y,z"]]]]
              joinUnknown: !Join ["-", [x, !ImportValue shared]]
              findDefault: !FindInMap [Sizes, test, Count, {DefaultValue: 0}]
              findMissing: !FindInMap [Sizes, test, Count]
              findByRegion: !FindInMap [Sizes, !Ref "AWS::Region", Count]
              ssm: !Ref Ami
              free: !Ref Free
              base64: !Base64 hi
              azs: !GetAZs ""
              cidr: !Cidr [10.0.0.0/16, 4, 8]
              transform: !Transform {Name: AWS::Include}
              ifDev: !If [IsDev, yes, no]
              ifRegion: !If [InUsEast, yes, no]
              ifFree: !If [IsFree, yes, no]
              or: !If [DevOrFree, yes, no]
              and: !If [DevAndFree, yes, no]
              andFalse: !If [NotDevAndFree, yes, no]
              noValue: [a, !Ref "AWS::NoValue", b]
              dbRef: !Ref Db
              dbArn: !GetAtt Db.DBInstanceArn
              dbEndpoint: !GetAtt Db.Endpoint.Address
              longGetAtt: {"Fn::GetAtt": "Db.DBInstanceArn"}
              unknownRef: !Ref Nowhere
            """;

    private static Map<String, String> evaluate(CloudFormationOptions options) throws TemplateSyntaxException {
        MapNode root = (MapNode) new YamlTemplateReader().read(TEMPLATE).orElseThrow();
        Template template = new Template("t.yaml", TEMPLATE, root, true);
        TemplateEvaluator evaluator = new TemplateEvaluator(template, options);
        return template.section("Values").fields().values().stream().collect(Collectors.toMap(
                Node.Field::key, f -> show(evaluator.evaluate(f.value()))));
    }

    private static String show(Node node) {
        return switch (node) {
            case null -> "<no value>";
            case Scalar scalar -> scalar.text();
            case Unresolved unresolved -> "?" + unresolved.expression();
            case ListNode list -> list.items().stream().map(TemplateEvaluatorTest::show)
                    .collect(Collectors.joining(",", "[", "]"));
            case MapNode map -> map.toString();
        };
    }

    @Test
    void resolvesWhatCanBeKnownBeforeDeployment() throws TemplateSyntaxException {
        Map<String, String> values = evaluate(CloudFormationOptions.defaults());

        assertThat(values).containsEntry("literalSub", "${Literal}-dev")
                .containsEntry("subVars", "dev.3")
                .containsEntry("pseudo", "aws/amazonaws.com/${AWS::Region}/${AWS::AccountId}/${AWS::StackName}")
                .containsEntry("select", "c")
                .containsEntry("ids", "[s-1,s-2]")
                .containsEntry("split", "[a,b]")
                .containsEntry("join", "xdevy")
                .containsEntry("findDefault", "0")
                .containsEntry("base64", "aGk=")
                .containsEntry("ifDev", "yes")
                .containsEntry("or", "yes")
                .containsEntry("andFalse", "no")
                .containsEntry("noValue", "[a,b]")
                .containsEntry("dbRef", "dev-db")
                .containsEntry("dbArn", "arn:aws:rds:${AWS::Region}:${AWS::AccountId}:db:dev-db")
                .containsEntry("longGetAtt", "arn:aws:rds:${AWS::Region}:${AWS::AccountId}:db:dev-db");
    }

    @Test
    void namesTheExpressionThatBlocked() throws TemplateSyntaxException {
        Map<String, String> values = evaluate(CloudFormationOptions.defaults());

        assertThat(values).containsEntry("selectOut", "?!Select [5, !Ref Zones]")
                .containsEntry("joinUnknown", "?!ImportValue shared")
                .containsEntry("findMissing", "?!FindInMap [Sizes, test, Count]")
                .containsEntry("findByRegion", "?!FindInMap [Sizes, !Ref \"AWS::Region\", Count]")
                .containsEntry("ssm", "?!Ref Ami")
                .containsEntry("free", "?!Ref Free")
                .containsEntry("azs", "?!GetAZs \"\"")
                .containsEntry("cidr", "?!Cidr [10.0.0.0/16, 4, 8]")
                .containsEntry("transform", "?!Transform {Name: AWS::Include}")
                .containsEntry("ifRegion", "?!Equals [!Ref \"AWS::Region\", us-east-1]")
                .containsEntry("ifFree", "?!Ref Free")
                .containsEntry("and", "?!Ref Free")
                .containsEntry("dbEndpoint", "?!GetAtt Db.Endpoint.Address")
                .containsEntry("unknownRef", "?!Ref Nowhere");
    }

    @Test
    void givenValuesDecideMore() throws TemplateSyntaxException {
        Map<String, String> values = evaluate(new CloudFormationOptions(Map.of("Env", "prod", "Free", "x",
                "Zones", "q"), "us-east-1", "123456789012"));

        assertThat(values).containsEntry("ifRegion", "yes")
                .containsEntry("ifFree", "yes")
                .containsEntry("and", "no")
                .containsEntry("andFalse", "yes")
                .containsEntry("selectOut", "?!Select [5, !Ref Zones]")
                .containsEntry("findByRegion", "?!FindInMap [Sizes, !Ref \"AWS::Region\", Count]")
                .containsEntry("dbArn", "arn:aws:rds:us-east-1:123456789012:db:prod-db");
    }

    @Test
    void partitionFollowsTheGivenRegion() throws TemplateSyntaxException {
        Map<String, String> china = evaluate(CloudFormationOptions.defaults().withRegion("cn-north-1"));
        Map<String, String> gov = evaluate(CloudFormationOptions.defaults().withRegion("us-gov-west-1"));

        assertThat(china).containsEntry("pseudo", "aws-cn/amazonaws.com.cn/cn-north-1/${AWS::AccountId}/${AWS::StackName}")
                .containsEntry("dbArn", "arn:aws-cn:rds:cn-north-1:${AWS::AccountId}:db:dev-db");
        assertThat(gov).containsEntry("dbArn", "arn:aws-us-gov:rds:us-gov-west-1:${AWS::AccountId}:db:dev-db");
    }
}
