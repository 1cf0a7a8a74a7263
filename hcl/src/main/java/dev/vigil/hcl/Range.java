package dev.vigil.hcl;

/** Where an expression starts and its exact source text. */
public record Range(SourcePos pos, String text) {
}
