package dev.vigil.iac.mapping;

import dev.vigil.core.model.Value;

/** What joins across declarations share: how far they follow chains, and what a reference outside the template says. */
final class References {

    /** Copies of copies deeper than this are not followed (Terraform forbids cycles; a broken input may not). */
    static final int MAX_CHAIN = 32;

    private References() {
    }

    /**
     * What a value that depends on a resource the template does not declare is: unknown, naming the reference as
     * written (e.g. {@code volume_id = "vol-0123…", a volume this configuration does not declare}); failed when the
     * required field is not set at all.
     */
    static <T> Value<T> undeclared(Declaration d, Field field, String what) {
        return switch (d.text(field, null)) {
            case Value.Known<String> id when id.value().isEmpty() ->
                    Value.failed(field.terraform() + " is not set; Terraform requires it");
            case Value.Known<String> id -> Value.unknown(field.terraform() + " = \"" + id.value() + "\", a " + what
                    + " this configuration does not declare");
            case Value.Unknown<String> u -> Value.unknown(u.expression());
            case Value.Failed<String> f -> Value.failed(f.cause());
        };
    }
}
