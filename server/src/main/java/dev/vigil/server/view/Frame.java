package dev.vigil.server.view;

/**
 * What every dashboard page shows around its content: its title, the section the navigation marks, who is signed in,
 * and the token its forms carry.
 */
public record Frame(String title, String section, String keyName, boolean readOnly, String csrfToken) {
}
