package dev.vigil.core.remedy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RemedyCodecTest {

    @Test
    void everyRemedyTypeReadsBackFromItsTextEvenWithSeparatorsInItsFields() {
        for (Class<?> type : Remedy.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Remedy example = RemedyCodec.example((Class<? extends Remedy>) type);
            assertThat(RemedyCodec.parse(RemedyCodec.format(example))).isEqualTo(example);
        }
        Remedy odd = new EnablePointInTimeRecovery("a&b=c %d\u00e9");
        String text = RemedyCodec.format(odd);
        assertThat(text).startsWith("type=EnablePointInTimeRecovery&").doesNotContain("a&b");
        assertThat(RemedyCodec.parse(text)).isEqualTo(odd);
    }

    @Test
    void textThatIsNotARemedyIsRefused() {
        assertThatThrownBy(() -> RemedyCodec.parse("nonsense")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemedyCodec.parse("type=NoSuchFix")).hasMessageContaining("unknown remedy type");
    }
}
