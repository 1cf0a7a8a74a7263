package dev.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.aws.remediate.Applied;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** Appends one JSON line per applied change: time, account, region, action, resource, before, after. */
final class AuditLog {

    /** Default location, documented in the README. */
    static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".vigil", "audit.jsonl");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    AuditLog(Path file) {
        this.file = file;
    }

    void append(Applied applied) {
        ObjectNode line = JSON.createObjectNode()
                .put("time", Instant.now().toString())
                .put("account", applied.change().account())
                .put("region", applied.change().region())
                .put("action", applied.change().action())
                .put("resource", applied.change().resource())
                .put("before", applied.change().before())
                .put("after", applied.ok() ? applied.after() : null)
                .put("ok", applied.ok());
        line.putPOJO("targets", applied.change().targets());
        if (!applied.ok()) {
            line.put("error", applied.error());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the audit log " + file + ": " + e.getMessage(), e);
        }
    }
}
