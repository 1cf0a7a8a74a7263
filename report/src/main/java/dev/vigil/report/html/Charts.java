package dev.vigil.report.html;

import java.util.List;

/** Inline SVG charts: readable without colour (every bar carries its label and number as text). */
public final class Charts {

    /** One bar: its label, its value and the CSS class that colours it. */
    public record Bar(String label, int value, String cssClass) {}

    private static final int LABEL_WIDTH = 175;
    private static final int BAR_WIDTH = 300;
    private static final int ROW = 26;

    private Charts() {
    }

    /** Horizontal bars scaled to the largest value; {@code title} names the chart for screen readers. */
    public static Markup bars(String title, List<Bar> bars) {
        int max = bars.stream().mapToInt(Bar::value).max().orElse(0);
        int height = bars.size() * ROW + 4;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 0 ")
                .append(LABEL_WIDTH + BAR_WIDTH + 60).append(' ').append(height).append("\" aria-label=\"")
                .append(HtmlWriter.escape(title)).append("\"><title>").append(HtmlWriter.escape(title)).append("</title>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW + 2;
            int width = max == 0 ? 0 : Math.max(bar.value() > 0 ? 2 : 0, bar.value() * BAR_WIDTH / max);
            svg.append("<text x=\"0\" y=\"").append(y + 17).append("\">").append(HtmlWriter.escape(bar.label()))
                    .append("</text>")
                    .append("<rect class=\"").append(HtmlWriter.escape(bar.cssClass())).append("\" x=\"").append(LABEL_WIDTH)
                    .append("\" y=\"").append(y + 3).append("\" width=\"").append(width)
                    .append("\" height=\"18\" rx=\"3\"></rect>")
                    .append("<text x=\"").append(LABEL_WIDTH + width + 8).append("\" y=\"").append(y + 17)
                    .append("\">").append(bar.value()).append("</text>");
        }
        return Markup.trusted(svg.append("</svg>").toString());
    }
}
