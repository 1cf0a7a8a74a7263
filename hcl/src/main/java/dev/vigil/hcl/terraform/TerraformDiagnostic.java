package dev.vigil.hcl.terraform;

import dev.vigil.hcl.SourcePos;

/** Something the loader could not scan or evaluate; never silently dropped. */
public record TerraformDiagnostic(Kind kind, String message, SourcePos pos) {
    public enum Kind {
        PARSE_ERROR, UNREADABLE_FILE, OVERRIDE_FILE_SKIPPED, REMOTE_MODULE_NOT_SCANNED, MODULE_OUTSIDE_SCANNED_TREE,
                MODULE_NOT_FOUND,
        MODULE_TOO_DEEP, MODULE_CYCLE, MODULE_LIMIT, INVALID_VARIABLE, NOT_EXPANDABLE
    }

    @Override
    public String toString() {
        return pos + ": " + message;
    }
}
