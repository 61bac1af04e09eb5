package org.attune.webui.report;

import java.awt.Color;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Draws an SVG made by {@code SvgCharts} onto a PDF page, element by element: the report's charts are the screens'
 * charts, not a second drawing of the same figures. It understands what {@code SvgCharts} writes (rect, line, path
 * with M/L/l/h/v/z, circle, text, nested g with inherited stroke, fill and font size); anything else is skipped.
 */
final class SvgOnPdf {

    private static final Pattern PATH_TOKENS = Pattern.compile("[MLlHhVvZz]|-?\\d*\\.?\\d+");

    private final PDPageContentStream out;
    private final PDFont font;
    private final float left;
    private final float top;
    private final float scale;

    /**
     * @param left where the chart's left edge goes on the page (points)
     * @param top where its top edge goes (PDF points from the page bottom)
     * @param scale points per SVG unit
     */
    private SvgOnPdf(PDPageContentStream out, PDFont font, float left, float top, float scale) {
        this.out = out;
        this.font = font;
        this.left = left;
        this.top = top;
        this.scale = scale;
    }

    /** The chart's height in points when drawn {@code width} points wide. */
    static float height(String svg, float width) {
        var box = viewBox(parse(svg));
        return box[3] * width / box[2];
    }

    /** Draws {@code svg} with its top-left corner at ({@code left}, {@code top}), {@code width} points wide. */
    static void draw(String svg, PDPageContentStream out, PDFont font, float left, float top, float width)
            throws IOException {
        var root = parse(svg);
        var box = viewBox(root);
        new SvgOnPdf(out, font, left, top, width / box[2]).children(root, new HashMap<>());
    }

    private static Element parse(String svg) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(svg)))
                    .getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("Not an SVG chart", e);
        }
    }

    private static float[] viewBox(Element root) {
        var parts = root.getAttribute("viewBox").trim().split("\\s+");
        if (parts.length != 4) {
            throw new IllegalArgumentException("An SVG chart without a viewBox");
        }
        var box = new float[4];
        for (int i = 0; i < 4; i++) {
            box[i] = Float.parseFloat(parts[i]);
        }
        return box;
    }

    private void children(Element parent, Map<String, String> inherited) throws IOException {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                element(element, inherited);
            }
        }
    }

    private void element(Element e, Map<String, String> inherited) throws IOException {
        var style = new HashMap<>(inherited);
        for (var name : new String[] {
            "fill", "stroke", "stroke-width", "font-size", "fill-opacity", "stroke-dasharray", "text-anchor"
        }) {
            if (e.hasAttribute(name)) {
                style.put(name, e.getAttribute(name));
            }
        }
        switch (e.getTagName()) {
            case "g" -> children(e, style);
            case "rect" -> rect(e, style);
            case "line" -> line(e, style);
            case "path" -> path(e, style);
            case "circle" -> circle(e, style);
            case "text" -> text(e, style);
            default -> {
                // title and anything SvgCharts does not write: nothing to draw
            }
        }
    }

    private void rect(Element e, Map<String, String> style) throws IOException {
        if (!fill(style)) {
            return;
        }
        float x = px(num(e, "x"));
        float y = py(num(e, "y") + num(e, "height"));
        out.addRect(x, y, num(e, "width") * scale, num(e, "height") * scale);
        out.fill();
    }

    private void line(Element e, Map<String, String> style) throws IOException {
        if (!stroke(style)) {
            return;
        }
        out.moveTo(px(num(e, "x1")), py(num(e, "y1")));
        out.lineTo(px(num(e, "x2")), py(num(e, "y2")));
        out.stroke();
        out.setLineDashPattern(new float[0], 0);
    }

    private void path(Element e, Map<String, String> style) throws IOException {
        Matcher tokens = PATH_TOKENS.matcher(e.getAttribute("d"));
        float x = 0;
        float y = 0;
        char command = 'M';
        var numbers = new java.util.ArrayList<Float>();
        var list = new java.util.ArrayList<String>();
        while (tokens.find()) {
            list.add(tokens.group());
        }
        boolean filled = !"none".equals(style.getOrDefault("fill", "none")) && style.containsKey("fill");
        boolean any = false;
        for (int i = 0; i < list.size(); i++) {
            var token = list.get(i);
            if (Character.isLetter(token.charAt(0))) {
                command = token.charAt(0);
                if (command == 'z' || command == 'Z') {
                    out.closePath();
                }
                continue;
            }
            numbers.add(Float.parseFloat(token));
            int needed = switch (command) {
                case 'M', 'L', 'l' -> 2;
                default -> 1;
            };
            if (numbers.size() < needed) {
                continue;
            }
            switch (command) {
                case 'M' -> {
                    x = numbers.get(0);
                    y = numbers.get(1);
                    out.moveTo(px(x), py(y));
                    command = 'L';
                }
                case 'L' -> {
                    x = numbers.get(0);
                    y = numbers.get(1);
                    out.lineTo(px(x), py(y));
                }
                case 'l' -> {
                    x += numbers.get(0);
                    y += numbers.get(1);
                    out.lineTo(px(x), py(y));
                }
                case 'H' -> {
                    x = numbers.get(0);
                    out.lineTo(px(x), py(y));
                }
                case 'h' -> {
                    x += numbers.get(0);
                    out.lineTo(px(x), py(y));
                }
                case 'V' -> {
                    y = numbers.get(0);
                    out.lineTo(px(x), py(y));
                }
                case 'v' -> {
                    y += numbers.get(0);
                    out.lineTo(px(x), py(y));
                }
                default -> {}
            }
            any = true;
            numbers.clear();
        }
        if (!any) {
            return;
        }
        if (filled && fill(style)) {
            out.fill();
        } else if (stroke(style)) {
            out.stroke();
            out.setLineDashPattern(new float[0], 0);
        } else {
            out.closePath();
        }
    }

    private void circle(Element e, Map<String, String> style) throws IOException {
        if (!fill(style)) {
            return;
        }
        float cx = px(num(e, "cx"));
        float cy = py(num(e, "cy"));
        float r = num(e, "r") * scale;
        float k = 0.5523f * r;
        out.moveTo(cx + r, cy);
        out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        out.fill();
    }

    private void text(Element e, Map<String, String> style) throws IOException {
        var content = PdfText.printable(e.getTextContent(), font);
        if (content.isEmpty()) {
            return;
        }
        float size = Float.parseFloat(style.getOrDefault("font-size", "10")) * scale;
        float width = font.getStringWidth(content) / 1000 * size;
        float x = px(num(e, "x"));
        switch (style.getOrDefault("text-anchor", "start")) {
            case "end" -> x -= width;
            case "middle" -> x -= width / 2;
            default -> {}
        }
        out.setNonStrokingColor(colour(style.getOrDefault("fill", "#000000"), 1));
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, py(num(e, "y")));
        out.showText(content);
        out.endText();
    }

    /** Sets the fill colour; false when there is nothing to fill. Opacity is mixed with the white page. */
    private boolean fill(Map<String, String> style) throws IOException {
        var fill = style.get("fill");
        if (fill == null || fill.equals("none")) {
            return false;
        }
        var opacity = style.containsKey("fill-opacity") ? Float.parseFloat(style.get("fill-opacity")) : 1f;
        out.setNonStrokingColor(colour(fill, opacity));
        return true;
    }

    private boolean stroke(Map<String, String> style) throws IOException {
        var stroke = style.get("stroke");
        if (stroke == null || stroke.equals("none")) {
            return false;
        }
        out.setStrokingColor(colour(stroke, 1));
        out.setLineWidth(Float.parseFloat(style.getOrDefault("stroke-width", "1")) * scale);
        // Round joins as a browser draws them by default would be miters; round keeps sharp turns from spiking.
        out.setLineJoinStyle(1);
        out.setLineCapStyle(1);
        var dash = style.get("stroke-dasharray");
        if (dash != null) {
            var parts = dash.trim().split("[\\s,]+");
            var pattern = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                pattern[i] = Float.parseFloat(parts[i]) * scale;
            }
            out.setLineDashPattern(pattern, 0);
        }
        return true;
    }

    static Color colour(String hex, float opacity) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            return Color.BLACK;
        }
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return new Color(mix(r, opacity), mix(g, opacity), mix(b, opacity));
    }

    private static int mix(int channel, float opacity) {
        return Math.round(channel * opacity + 255 * (1 - opacity));
    }

    private static float num(Element e, String attribute) {
        var value = e.getAttribute(attribute);
        return value.isEmpty() ? 0 : Float.parseFloat(value);
    }

    private float px(float x) {
        return left + x * scale;
    }

    private float py(float y) {
        return top - y * scale;
    }
}
