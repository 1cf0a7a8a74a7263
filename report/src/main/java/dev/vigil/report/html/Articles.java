package dev.vigil.report.html;

import java.util.Optional;
import java.util.Set;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Knowledge-base articles (CommonMark) as HTML for pages and as plain text for finding formats. Raw HTML in an
 * article is escaped, link destinations are sanitised, and images become their description: a rendered article
 * never runs script and never makes a request.
 */
public final class Articles {

    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private Articles() {
    }

    /**
     * The article as HTML, without its title (the page shows the rule's title itself) and with its headings
     * moved down {@code headingOffset} levels, so that they nest under the page's own.
     */
    public static Markup html(String markdown, int headingOffset) {
        Node document = PARSER.parse(markdown);
        if (document.getFirstChild() instanceof Heading h && h.getLevel() == 1) {
            h.unlink();
        }
        HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
                .nodeRendererFactory(context -> new ArticleNodes(context, headingOffset)).build();
        return Markup.trusted(renderer.render(document));
    }

    /** The text under a level-two heading ({@code ## title}), as Markdown nodes rendered to plain text. */
    public static Optional<String> sectionText(String markdown, String title) {
        Document section = new Document();
        Node node = PARSER.parse(markdown).getFirstChild();
        while (node != null && !isSection(node, title)) {
            node = node.getNext();
        }
        if (node == null) {
            return Optional.empty();
        }
        for (node = node.getNext(); node != null && !(node instanceof Heading h && h.getLevel() <= 2); ) {
            Node next = node.getNext();
            section.appendChild(node);
            node = next;
        }
        return Optional.of(TEXT.render(section).strip()).filter(s -> !s.isEmpty());
    }

    /** The first paragraph under a level-two heading, on one line. */
    public static Optional<String> firstParagraph(String markdown, String title) {
        Node node = PARSER.parse(markdown).getFirstChild();
        while (node != null && !isSection(node, title)) {
            node = node.getNext();
        }
        if (node == null || !(node.getNext() instanceof Paragraph p)) {
            return Optional.empty();
        }
        return Optional.of(oneLine(TEXT.render(p))).filter(s -> !s.isEmpty());
    }

    /**
     * The first paragraph or list under a level-two heading, passing over its subheadings (the first steps of
     * "Remediation" are under "### Console"), on one line.
     */
    public static Optional<String> firstBlock(String markdown, String title) {
        Node node = PARSER.parse(markdown).getFirstChild();
        while (node != null && !isSection(node, title)) {
            node = node.getNext();
        }
        for (node = node == null ? null : node.getNext(); node != null; node = node.getNext()) {
            if (node instanceof Heading h && h.getLevel() <= 2) {
                return Optional.empty();
            }
            if (node instanceof Paragraph || node instanceof ListBlock) {
                return Optional.of(oneLine(TEXT.render(node))).filter(s -> !s.isEmpty());
            }
        }
        return Optional.empty();
    }

    /** Whitespace runs (line breaks included) as single spaces. */
    public static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static boolean isSection(Node node, String title) {
        return node instanceof Heading h && h.getLevel() == 2 && h.getFirstChild() instanceof Text t
                && t.getLiteral().strip().equalsIgnoreCase(title) && t.getNext() == null;
    }

    /** Headings moved down; images as their description, so that nothing is fetched. */
    private static final class ArticleNodes implements NodeRenderer {

        private final HtmlNodeRendererContext context;
        private final int offset;

        ArticleNodes(HtmlNodeRendererContext context, int offset) {
            this.context = context;
            this.offset = offset;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class, Image.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Heading heading) {
                String tag = "h" + Math.min(6, heading.getLevel() + offset);
                context.getWriter().line();
                context.getWriter().tag(tag);
                renderChildren(node);
                context.getWriter().tag("/" + tag);
                context.getWriter().line();
            } else {
                renderChildren(node);
            }
        }

        private void renderChildren(Node parent) {
            for (Node child = parent.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }
    }
}
