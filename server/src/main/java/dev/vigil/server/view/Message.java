package dev.vigil.server.view;

/** A page that only says something: the sign-in form's error, or why a request was refused. */
public record Message(Frame frame, int status, String text, String next) {
}
