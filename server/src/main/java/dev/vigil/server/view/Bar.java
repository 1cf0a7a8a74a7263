package dev.vigil.server.view;

/** One bar of a chart: its label, its value and the class that colours it. */
public record Bar(String label, long value, String cssClass) {
}
