package dev.vigil.core.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every property remedy says, for each template language, either how to make the change or why none can. */
class PropertyFixTest {

    @Test
    void eachTemplateLanguageHasAFormOrAReasonExactlyOne() {
        Arrays.stream(Remedy.class.getPermittedSubclasses())
                .filter(type -> type.isAnnotationPresent(PropertyFix.class))
                .forEach(type -> {
                    PropertyFix fix = type.getAnnotation(PropertyFix.class);
                    boolean cloudFormation = !fix.cloudFormationType().isEmpty() && !fix.cloudFormationName().isEmpty()
                            && !fix.cloudFormation().isEmpty();
                    boolean terraform = !fix.terraformType().isEmpty() && !fix.terraformName().isEmpty()
                            && !fix.terraform().isEmpty();
                    assertThat(cloudFormation ^ !fix.noCloudFormation().isEmpty())
                            .as(type.getSimpleName() + ": a CloudFormation form or noCloudFormation, exactly one").isTrue();
                    assertThat(terraform ^ !fix.noTerraform().isEmpty())
                            .as(type.getSimpleName() + ": a Terraform form or noTerraform, exactly one").isTrue();
                    assertThat(fix.cli()).as(type.getSimpleName() + " CLI").isNotBlank();
                    assertThat(fix.terraformAdds() && !terraform).as(type.getSimpleName() + " adds nothing").isFalse();
                });
    }
}
