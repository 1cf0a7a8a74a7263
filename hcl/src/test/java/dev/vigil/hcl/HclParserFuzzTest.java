package dev.vigil.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of valid fixtures must either parse or fail with a located
 * {@link HclParseException}: no other exception, no hang.
 */
class HclParserFuzzTest {
    private static final List<String> FIXTURES = List.of("syntax/all-features.tf", "terraform/fuzz-seed.tf");
    private static final String[] TOKENS = {"{", "}", "[", "]", "(", ")", "\"", "${", "%{", "}", "~", "<<EOF\n",
            "\nEOF\n",
        "<<-X\n", "=", ":", "?", ".", "...", "*", ",", "\n", "#", "//", "/*", "*/", "for ", " in ", "if ", "=>", "\\",
        "0.", "1e", "null", "-", "!", "&&", "||", "%{endif}", "%{else}", "%{endfor}", "[*]", ".*", ".0", "\u00e9",
                "\r"};

    @Test
    void mutatedFixturesParseOrFailWithALocation() {
        Random random = new Random(20261124L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int parsed = 0;
            int rejected = 0;
            for (String fixture : FIXTURES) {
                String source = HclParserTest.resource(fixture);
                HclParser.parse(fixture, source);
                for (int i = 0; i < 2_000; i++) {
                    String mutated = mutate(source, random, 1 + random.nextInt(4));
                    try {
                        evaluateEverything(HclParser.parse("fuzz.tf", mutated).body());
                        parsed++;
                    } catch (HclParseException e) {
                        assertThat(e.line()).isPositive();
                        assertThat(e.column()).isPositive();
                        assertThat(e.getMessage()).startsWith("fuzz.tf:" + e.line() + ":");
                        rejected++;
                    } catch (RuntimeException | StackOverflowError e) {
                        fail("case " + i + " of " + fixture + " threw " + e + " for input:\n" + mutated, e);
                    }
                }
            }
            assertThat(parsed).isPositive();
            assertThat(rejected).isPositive();
        });
    }

    /** Evaluation of whatever parsed must not throw either: failures are Unknown values. */
    private static void evaluateEverything(Body body) {
        EvalContext context = EvalContext.empty().withBudget(new Budget(100_000));
        for (Attribute a : body.attributes().values()) {
            assertThat(context.evaluate(a.expr())).isNotNull();
        }
        body.blocks().forEach(b -> evaluateEverything(b.body()));
    }

    private static String mutate(String source, Random random, int count) {
        StringBuilder s = new StringBuilder(source);
        for (int n = 0; n < count && !s.isEmpty(); n++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(7)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, (char) (32 + random.nextInt(95)));
                case 2 -> s.insert(at, s.charAt(random.nextInt(s.length())));
                case 3 -> {
                    int other = random.nextInt(s.length());
                    char c = s.charAt(at);
                    s.setCharAt(at, s.charAt(other));
                    s.setCharAt(other, c);
                }
                case 4 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 5 -> {
                    int end = Math.min(s.length(), at + 1 + random.nextInt(12));
                    s.delete(at, end);
                }
                default -> {
                    int end = Math.min(s.length(), at + 1 + random.nextInt(40));
                    s.insert(random.nextInt(s.length()), s.substring(at, end));
                }
            }
        }
        return s.toString();
    }
}
