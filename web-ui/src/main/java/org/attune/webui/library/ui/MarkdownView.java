package org.attune.webui.library.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Emphasis;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A library piece's Markdown body, parsed by commonmark into a tree and built as Vaadin components. No HTML string is
 * ever injected: raw HTML in the source shows as plain text, and links keep only in-app paths and http(s)/mailto/tel
 * addresses. Headings start at level 2 under the page's own title.
 */
class MarkdownView extends Div {

    private static final Parser PARSER = Parser.builder().build();

    private static final Pattern SAFE_EXTERNAL = Pattern.compile("(?i)^(https?://|mailto:|tel:)[^\\s<>\"]+$");
    private static final Pattern SAFE_INTERNAL = Pattern.compile("^/[A-Za-z0-9/_.-]*$");

    @Tag("strong")
    static final class Strong extends HtmlContainer {}

    @Tag("code")
    static final class InlineCode extends HtmlContainer {}

    @Tag("br")
    static final class LineBreak extends HtmlContainer {}

    @Tag("blockquote")
    static final class Quote extends HtmlContainer {}

    MarkdownView(String markdown) {
        addClassName("attune-library-body");
        var document = PARSER.parse(markdown == null ? "" : markdown);
        addChildren(this, document);
    }

    private static void addChildren(HasComponents target, Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            var component = render(child);
            if (component != null) {
                target.add(component);
            }
        }
    }

    private static Component render(Node node) {
        return switch (node) {
            case Heading h ->
                container(
                        switch (h.getLevel()) {
                            case 1, 2 -> new H2();
                            case 3 -> new H3();
                            default -> new H4();
                        },
                        h);
            case org.commonmark.node.Paragraph p -> container(new Paragraph(), p);
            case BulletList list -> container(new UnorderedList(), list);
            case org.commonmark.node.OrderedList list -> container(new OrderedList(), list);
            case org.commonmark.node.ListItem item -> listItem(item);
            case BlockQuote quote -> container(new Quote(), quote);
            case FencedCodeBlock code -> new Pre(code.getLiteral());
            case IndentedCodeBlock code -> new Pre(code.getLiteral());
            case ThematicBreak ignored -> new Hr();
            case HtmlBlock html -> new Paragraph(html.getLiteral());
            case HtmlInline html -> new Text(html.getLiteral());
            case org.commonmark.node.Text text -> new Text(text.getLiteral());
            case Code code -> {
                var c = new InlineCode();
                c.setText(code.getLiteral());
                yield c;
            }
            case org.commonmark.node.Emphasis e -> container(new Emphasis(), e);
            case StrongEmphasis s -> container(new Strong(), s);
            case SoftLineBreak ignored -> new Text(" ");
            case HardLineBreak ignored -> new LineBreak();
            case Link link -> link(link);
            case Image image -> new Text(plainText(image));
            default -> {
                var div = new Div();
                addChildren(div, node);
                yield div;
            }
        };
    }

    private static Component container(HtmlContainer component, Node node) {
        addChildren(component, node);
        return component;
    }

    /** Tight list items hold a paragraph; unwrap it so the item does not get paragraph margins. */
    private static Component listItem(org.commonmark.node.ListItem item) {
        var li = new ListItem();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Paragraph p && child.getNext() == null) {
                addChildren(li, p);
            } else {
                var component = render(child);
                if (component != null) {
                    li.add(component);
                }
            }
        }
        return li;
    }

    private static Component link(Link link) {
        String destination =
                link.getDestination() == null ? "" : link.getDestination().strip();
        String text = plainText(link);
        if (SAFE_INTERNAL.matcher(destination).matches()) {
            // In-app paths are made relative so they work behind a context path too.
            var anchor = new Anchor(destination.substring(1), text);
            anchor.addClassName("attune-library-link");
            return anchor;
        }
        if (SAFE_EXTERNAL.matcher(destination).matches()) {
            var anchor = new Anchor(destination, text);
            anchor.setTarget("_blank");
            anchor.getElement().setAttribute("rel", "noopener noreferrer");
            anchor.getElement().setAttribute("router-ignore", true);
            return anchor;
        }
        return new Text(text);
    }

    static String plainText(Node node) {
        var out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case org.commonmark.node.Text t -> out.append(t.getLiteral());
                case Code c -> out.append(c.getLiteral());
                case SoftLineBreak ignored -> out.append(' ');
                default -> collect(child, out);
            }
        }
    }
}
