package dev.vigil.hcl;

public record Attribute(String name, Expr expr, SourcePos pos) {
}
