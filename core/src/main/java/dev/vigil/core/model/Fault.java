package dev.vigil.core.model;

import java.util.Set;

/**
 * A collection fault that left part of an inventory unknown: AccessDenied in a region, throttling past all
 * retries, an unreachable endpoint, a template that does not parse.
 *
 * @param origin    the scope it affects (an account and region, or a template)
 * @param kinds     the resource kinds left incomplete in that scope
 * @param operation the call or step that failed, e.g. {@code dynamodb:ListTables}
 * @param message   the cause, one line, safe to print
 */
public record Fault(Origin origin, Set<Class<? extends Resource>> kinds, String operation, String message) {

    public Fault {
        kinds = Set.copyOf(kinds);
    }
}
