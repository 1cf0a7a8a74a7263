package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void humanFormatsShowOneLineOfAtMostMaxValueCharacters() {
        assertThat(Text.plain("a\r\nb\tc\u2028d")).isEqualTo("a  b c d");
        String cut = Text.plain("x".repeat(1000));
        assertThat(cut).hasSize(Text.MAX_VALUE).endsWith("x…");
        // never half a surrogate pair
        String emoji = "y".repeat(Text.MAX_VALUE - 2) + "😀😀";
        assertThat(Text.plain(emoji)).isEqualTo("y".repeat(Text.MAX_VALUE - 2) + "…");
        assertThat(Text.plain(null)).isEmpty();
    }

    @Test
    void eachMarkupEscapesItsOwnControlCharacters() {
        assertThat(Text.html("<a href='x'>&\"</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
        assertThat(Text.slack("<@U123> & <!here>")).isEqualTo("&lt;@U123&gt; &amp; &lt;!here&gt;");
        assertThat(Text.slackCode("a`b")).isEqualTo("`a'b`");
    }
}
