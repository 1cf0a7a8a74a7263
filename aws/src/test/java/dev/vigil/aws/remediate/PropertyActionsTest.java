package dev.vigil.aws.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.remedy.EnablePointInTimeRecovery;
import dev.vigil.core.remedy.PropertyFix;
import dev.vigil.core.remedy.Remedy;
import dev.vigil.core.remedy.RemedyCodec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every property remedy is either made live (an action here) or says why it is plan-only — never silently neither. */
class PropertyActionsTest {

    @Test
    void everyPropertyRemedyHasALiveActionOrAPlanOnlyReason() {
        Arrays.stream(Remedy.class.getPermittedSubclasses())
                .filter(type -> type.isAnnotationPresent(PropertyFix.class))
                .filter(type -> type != EnablePointInTimeRecovery.class)   // LiveFixer's own ENABLE_PITR change
                .forEach(type -> {
                    @SuppressWarnings("unchecked")
                    Remedy example = RemedyCodec.example((Class<? extends Remedy>) type);
                    boolean live = PropertyActions.forRemedy(example).isPresent();
                    String planOnly = type.getAnnotation(PropertyFix.class).planOnly();
                    assertThat(live ^ !planOnly.isEmpty())
                            .as(type.getSimpleName() + ": a live action or a planOnly reason, exactly one").isTrue();
                });
    }
}
