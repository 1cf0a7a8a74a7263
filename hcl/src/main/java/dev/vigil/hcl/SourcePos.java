package dev.vigil.hcl;

/** A position in a source file; line and column are 1-based, column counts characters. */
public record SourcePos(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
