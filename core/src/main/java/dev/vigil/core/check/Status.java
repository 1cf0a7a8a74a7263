package dev.vigil.core.check;

/**
 * A check's outcome. UNKNOWN is for template values that cannot be resolved before deployment; ERROR is
 * for faults (access denied, throttled past retries). Neither is ever a pass or a failure.
 */
public enum Status { SUCCESS, FAILURE, ERROR, UNKNOWN }
