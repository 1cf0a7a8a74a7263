package dev.vigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.model.TagCondition.Operator;
import dev.vigil.core.rule.Risk;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchingTest {

    @Test
    void wildcardsMatchLikeIam() {
        assertThat(Wildcard.matches("arn:aws:rds:*:*:db:*", "arn:aws:rds:us-east-1:1:db:orders")).isTrue();
        assertThat(Wildcard.matches("arn:aws:rds:*:*:db:*", "arn:aws:rds:us-east-1:1:cluster:orders")).isFalse();
        assertThat(Wildcard.matches("*", "")).isTrue();
        assertThat(Wildcard.matches("db-?", "db-1")).isTrue();
        assertThat(Wildcard.matches("db-?", "db-12")).isFalse();
        assertThat(Wildcard.matches("a*b*c", "axxbyyc")).isTrue();
        assertThat(Wildcard.matches("a*b*c", "axxbyy")).isFalse();
        assertThat(Wildcard.matches("exact", "exact")).isTrue();
    }

    @Test
    void tagConditionsFollowAwsBackupOperators() {
        Map<String, String> tags = Map.of("env", "prod-eu", "team", "data");
        assertThat(TagCondition.of(Operator.STRING_EQUALS, "aws:ResourceTag/team", "data").test(tags)).isTrue();
        assertThat(TagCondition.of(Operator.STRING_LIKE, "env", "prod*").test(tags)).isTrue();
        assertThat(new TagCondition(Operator.STRING_NOT_EQUALS, "team", "data").test(tags)).isFalse();
        assertThat(new TagCondition(Operator.STRING_NOT_LIKE, "env", "dev*").test(tags)).isTrue();
        assertThat(new TagCondition(Operator.STRING_NOT_LIKE, "missing", "x").test(tags)).isTrue();
        assertThat(new TagCondition(Operator.STRING_EQUALS, "missing", "x").test(tags)).isFalse();
        assertThat(Operator.parse("STRINGEQUALS")).isEqualTo(Operator.STRING_EQUALS);
        assertThat(Operator.parse("StringNotLike")).isEqualTo(Operator.STRING_NOT_LIKE);
        assertThatThrownBy(() -> Operator.parse("NumericEquals")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void risksOrderAndParse() {
        assertThat(Risk.parse("very-high")).isEqualTo(Risk.VERY_HIGH);
        assertThat(Risk.HIGH.atLeast(Risk.MEDIUM)).isTrue();
        assertThat(Risk.LOW.atLeast(Risk.MEDIUM)).isFalse();
    }
}
