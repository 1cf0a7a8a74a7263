package dev.vigil.hcl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A value that cannot be known statically. {@code blocker} is the expression that blocked
 * evaluation (its text and position), {@code reason} says why, and {@code references} lists the
 * other objects (resources, data sources, modules) whose values were needed.
 */
public record Unknown(Range blocker, String reason, List<Reference> references) implements Value {
    public Unknown {
        references = List.copyOf(references);
    }

    public Unknown(Range blocker, String reason) {
        this(blocker, reason, List.of());
    }

    public String typeName() {
        return "unknown";
    }

    /** The source text of the blocking expression. */
    public String expression() {
        return blocker.text();
    }

    public SourcePos pos() {
        return blocker.pos();
    }

    /**
     * An attribute of this unknown object, such as {@code d.arn} where {@code d} is an instance of
     * {@code aws_db_instance.m}: as unknown, with its one reference narrowed to the attribute.
     */
    Unknown attribute(String name) {
        Reference ref = references.getFirst();
        List<String> path = new ArrayList<>(ref.attributePath());
        path.add(name);
        return new Unknown(blocker, reason, List.of(new Reference(ref.kind(), ref.module(), ref.type(), ref.name(),
                ref.key(), path)));
    }

    /** The first unknown keeps naming the blocker; references of all of them are kept. */
    static Unknown combine(List<Unknown> unknowns) {
        if (unknowns.size() == 1) {
            return unknowns.getFirst();
        }
        LinkedHashSet<Reference> refs = new LinkedHashSet<>();
        for (Unknown u : unknowns) {
            refs.addAll(u.references());
        }
        Unknown first = unknowns.getFirst();
        return new Unknown(first.blocker(), first.reason(), new ArrayList<>(refs));
    }

    @Override
    public String toString() {
        return "unknown(" + blocker.text() + ": " + reason + ")";
    }
}
