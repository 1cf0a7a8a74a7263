package dev.vigil.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.model.Value;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.mapping.Declaration;
import dev.vigil.iac.mapping.Field;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code Declaration.referenced} in CloudFormation: a {@code Ref} to another resource, read as that resource. */
class ReferencedDeclarationTest {

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Conditions:
              Never: !Equals [a, b]
            Resources:
              Data:
                Type: AWS::EC2::Volume
                Properties:
                  Encrypted: true
              Skipped:
                Type: AWS::EC2::Volume
                Condition: Never
              User:
                Type: Custom::Thing
                Properties:
                  Volume: !Ref Data
                  Literal: vol-0123456789abcdef0
                  Absent: !Ref Missing
                  Conditional: !Ref Skipped
                  Nested:
                    Volume: !Ref Data
            """;
    private static final Set<String> VOLUMES = Set.of("AWS::EC2::Volume");

    private static Declaration user() throws TemplateSyntaxException {
        Template template = new Template("t.yaml", TEMPLATE,
                (MapNode) new YamlTemplateReader().read(TEMPLATE).orElseThrow(), true);
        TemplateMapping mapping = new TemplateMapping(template, CloudFormationOptions.defaults());
        Node.Field user = template.section("Resources").fields().get("User");
        return new CloudFormationDeclaration(mapping, "Custom::Thing", "User", user.line(), (MapNode) user.value());
    }

    @Test
    void aRefToADeclaredResourceOfTheTypeIsThatResource() throws TemplateSyntaxException {
        Declaration data = user().referenced(new Field("Volume", ""), VOLUMES).orElseThrow();
        assertThat(data.id()).isEqualTo("Data");
        assertThat(data.type()).isEqualTo("AWS::EC2::Volume");
        assertThat(data.origin().line()).isEqualTo(5);
        assertThat(data.bool(new Field("Encrypted", ""), false)).isEqualTo(Value.known(true));
        assertThat(user().referenced(new Field("Nested.Volume", ""), VOLUMES)).map(Declaration::id).contains("Data");
    }

    @Test
    void anythingElseIsNoReference() throws TemplateSyntaxException {
        Declaration user = user();
        assertThat(user.referenced(new Field("Literal", ""), VOLUMES)).isEmpty();
        assertThat(user.referenced(new Field("Absent", ""), VOLUMES)).isEmpty();
        assertThat(user.referenced(new Field("Conditional", ""), VOLUMES)).as("its Condition is false").isEmpty();
        assertThat(user.referenced(new Field("NotThere", ""), VOLUMES)).isEmpty();
        assertThat(user.referenced(new Field("Volume", ""), Set.of("AWS::RDS::DBCluster"))).isEmpty();
    }
}
