package dev.vigil.hcl.terraform;

import java.util.ArrayList;
import java.util.List;

/** A {@code # vigil:skip=RULE-ID reason} comment attached to a resource block. */
public record SkipDirective(String ruleId, String reason, int line) {
    private static final String PREFIX = "vigil:skip=";

    /** Parses a comment's text; {@code vigil:skip=A-001,B-002 reason} yields one directive per rule. */
    static List<SkipDirective> parse(String comment, int line) {
        if (!comment.startsWith(PREFIX)) {
            return List.of();
        }
        String rest = comment.substring(PREFIX.length()).strip();
        int space = 0;
        while (space < rest.length() && !Character.isWhitespace(rest.charAt(space))) {
            space++;
        }
        String reason = rest.substring(space).strip();
        List<SkipDirective> out = new ArrayList<>();
        for (String id : rest.substring(0, space).split(",")) {
            if (!id.isBlank()) {
                out.add(new SkipDirective(id.strip(), reason, line));
            }
        }
        return out;
    }
}
