package dev.vigil.hcl.terraform;

import dev.vigil.hcl.SourcePos;

/** Something the loader could not scan or evaluate; never silently dropped. */
public record TerraformDiagnostic(Kind kind, String message, SourcePos pos) {
    public enum Kind {
        PARSE_ERROR(true), UNREADABLE_FILE(true), OVERRIDE_FILE_SKIPPED(true), INVALID_VARIABLE(true),
        DUPLICATE_DECLARATION(true), INVALID_EXPANSION(true),
        REMOTE_MODULE_NOT_SCANNED(false), MODULE_OUTSIDE_SCANNED_TREE(false), MODULE_NOT_FOUND(false),
        MODULE_TOO_DEEP(false), MODULE_CYCLE(false), MODULE_LIMIT(false), NOT_EXPANDABLE(false);

        private final boolean undecidesConfiguration;

        Kind(boolean undecidesConfiguration) {
            this.undecidesConfiguration = undecidesConfiguration;
        }

        /**
         * True when the configuration's values cannot be trusted at all: an input that could change any value was
         * not read (a file that does not parse or cannot be read, a skipped override file, a bad {@code -var}), or
         * Terraform would refuse the configuration (a name declared twice, an invalid {@code count} or
         * {@code for_each}). False when only the parts that depend on what was not scanned are unknown (a remote
         * or missing module: references to it stay unknown and its resources are missing).
         */
        public boolean undecidesConfiguration() {
            return undecidesConfiguration;
        }
    }

    @Override
    public String toString() {
        return pos + ": " + message;
    }
}
