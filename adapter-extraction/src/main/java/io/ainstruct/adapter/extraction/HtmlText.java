package io.ainstruct.adapter.extraction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/** An HTML page's visible text as markdown: h1..h6 become headings, block elements paragraphs, list items dashes. */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main",
            "aside", "nav", "blockquote", "pre", "table", "tr", "ul", "ol", "dl", "dt", "dd", "figure", "figcaption",
            "form", "hr", "address");

    private HtmlText() {
    }

    static String of(String html) {
        Document page = Jsoup.parse(html);
        StringBuilder text = new StringBuilder();
        String title = page.title().strip();
        if (!title.isEmpty() && page.body().selectFirst("h1") == null) {
            text.append("# ").append(title).append("\n\n");
        }
        page.body().traverse(new Markdown(text));
        return text.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private record Markdown(StringBuilder text) implements NodeVisitor {
        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                text.append(textNode.text());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                int level = headingLevel(tag);
                if (level > 0) {
                    text.append("\n\n").append("#".repeat(level)).append(' ');
                } else if (tag.equals("li")) {
                    text.append("\n- ");
                } else if (tag.equals("br")) {
                    text.append('\n');
                } else if (tag.equals("td") || tag.equals("th")) {
                    text.append(" | ");
                } else if (BLOCKS.contains(tag)) {
                    text.append("\n\n");
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element
                    && (headingLevel(element.normalName()) > 0 || BLOCKS.contains(element.normalName()))) {
                text.append("\n\n");
            }
        }

        private static int headingLevel(String tag) {
            return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6'
                    ? tag.charAt(1) - '0' : 0;
        }
    }
}
