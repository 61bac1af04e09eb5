package org.attune.webui.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgChartsTest {

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> all(Document doc, String tag) {
        var nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        return java.util.stream.IntStream.range(0, nodes.getLength())
                .mapToObj(i -> (Element) nodes.item(i))
                .toList();
    }

    private static SvgCharts.LineChart chart(
            List<Double> values, List<SvgCharts.Band> bands, List<SvgCharts.Marker> markers) {
        var labels = java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> "d" + i)
                .toList();
        return new SvgCharts.LineChart(
                "Mood", labels, 0, 10, List.of(new SvgCharts.Series("Mood", "#123456", values, false)), bands, markers);
    }

    @Test
    void aLineChartIsWellFormedSvgWithATitleForScreenReaders() throws Exception {
        var doc = parse(SvgCharts.line(chart(List.of(3.0, 5.0, 7.0), List.of(), List.of())));

        var root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 320 176");
        assertThat(all(doc, "title").getFirst().getTextContent()).isEqualTo("Mood");
    }

    @Test
    void theHighestValueIsDrawnAtTheTopAndTheLowestAtTheBottomOfThePlot() throws Exception {
        var doc = parse(SvgCharts.line(chart(List.of(10.0, 0.0), List.of(), List.of())));

        var d = all(doc, "path").stream()
                .filter(p -> "line".equals(p.getAttribute("class")))
                .findFirst()
                .orElseThrow()
                .getAttribute("d");
        // First point at the plot's left top (x 28, y 8), second at the right bottom (x 312, y 138).
        assertThat(d).isEqualTo("M28 8L312 138");
    }

    @Test
    void daysWithoutAValueLeaveAGapInsteadOfAJoinedLine() throws Exception {
        var doc =
                parse(SvgCharts.line(chart(Arrays.asList(2.0, 3.0, null, 4.0, 5.0, null, 6.0), List.of(), List.of())));

        var lines = all(doc, "path").stream()
                .filter(p -> "line".equals(p.getAttribute("class")))
                .toList();
        assertThat(lines).hasSize(2);
        // A lone value between gaps is a dot, so it is not lost.
        assertThat(all(doc, "circle")).hasSize(1);
    }

    @Test
    void aJoinedSeriesRunsThroughTheGapsAndMarksEveryValueWithADot() throws Exception {
        var doc = parse(SvgCharts.line(new SvgCharts.LineChart(
                "Mood",
                List.of("a", "b", "c", "d"),
                0,
                10,
                List.of(new SvgCharts.Series("Mood", "#123456", Arrays.asList(10.0, null, null, 0.0), false, true)),
                List.of(),
                List.of())));

        var lines = all(doc, "path").stream()
                .filter(p -> "line".equals(p.getAttribute("class")))
                .toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst().getAttribute("d")).isEqualTo("M28 8L312 138");
        assertThat(all(doc, "circle")).hasSize(2);
    }

    @Test
    void bandsAreShadedBehindTheLineWithTheirLabelAsTitle() throws Exception {
        var doc = parse(SvgCharts.line(chart(
                List.of(1.0, 2.0),
                List.of(new SvgCharts.Band(0, 5, "Mild", "#00ff00"), new SvgCharts.Band(5, 10, "Severe", "#ff0000")),
                List.of())));

        var bands = all(doc, "rect").stream()
                .filter(r -> "band".equals(r.getAttribute("class")))
                .toList();
        assertThat(bands).hasSize(2);
        assertThat(bands.get(0).getTextContent()).isEqualTo("Mild");
        assertThat(bands.get(0).getAttribute("y")).isEqualTo("73");
        assertThat(bands.get(0).getAttribute("height")).isEqualTo("65");
        assertThat(bands.get(1).getAttribute("y")).isEqualTo("8");
    }

    @Test
    void markersSitAtTheirPointAndIgnoreIndexesOutsideTheChart() throws Exception {
        var doc = parse(SvgCharts.line(chart(
                List.of(1.0, 2.0, 3.0),
                List.of(),
                List.of(new SvgCharts.Marker(1, "Rupture signal"), new SvgCharts.Marker(7, "nowhere")))));

        var markers = all(doc, "g").stream()
                .filter(g -> "marker".equals(g.getAttribute("class")))
                .toList();
        assertThat(markers).hasSize(1);
        assertThat(markers.getFirst().getTextContent()).contains("Rupture signal");
        var line = (Element) markers.getFirst()
                .getElementsByTagNameNS("http://www.w3.org/2000/svg", "line")
                .item(0);
        assertThat(line.getAttribute("x1")).isEqualTo("170");
    }

    @Test
    void stackedBarsStackEachWeeksLayersOnTopOfEachOther() throws Exception {
        var doc = parse(SvgCharts.stackedBars(new SvgCharts.BarChart(
                "Window",
                List.of("w1", "w2"),
                4,
                List.of(
                        new SvgCharts.Stack("Within", "#0f0", List.of(2, 0)),
                        new SvgCharts.Stack("Hyper", "#f00", List.of(2, 1))))));

        var bars = all(doc, "rect").stream()
                .filter(r -> "bar".equals(r.getAttribute("class")))
                .toList();
        // A zero layer draws nothing.
        assertThat(bars).hasSize(3);
        var within = bars.get(0);
        var hyper = bars.get(1);
        assertThat(within.getAttribute("height")).isEqualTo("65");
        assertThat(within.getAttribute("y")).isEqualTo("73");
        assertThat(hyper.getAttribute("y")).isEqualTo("8");
        assertThat(hyper.getTextContent()).isEqualTo("w1: Hyper 2");
    }

    @Test
    void textIsEscapedSoNamesCannotBreakOrInjectMarkup() throws Exception {
        var svg = SvgCharts.line(new SvgCharts.LineChart(
                "<script>alert(1)</script> & \"quotes\"",
                List.of("a"),
                0,
                10,
                List.of(new SvgCharts.Series("x\" onload=\"evil", "#000", List.of(1.0), false)),
                List.of(),
                List.of()));

        assertThat(svg).doesNotContain("<script>").doesNotContain("onload=\"evil");
        var doc = parse(svg);
        assertThat(all(doc, "title").getFirst().getTextContent()).isEqualTo("<script>alert(1)</script> & \"quotes\"");
    }

    @Test
    void aSparklineHasGapsForMissingDaysAndNothingForNoData() throws Exception {
        var doc = parse(SvgCharts.sparkline("Mood", Arrays.asList(1.0, 2.0, null, null, 5.0, 6.0), 0, 10));
        assertThat(all(doc, "path")).hasSize(2);
        assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("100");

        var none = parse(SvgCharts.sparkline("Mood", Arrays.asList(null, null), 0, 10));
        assertThat(all(none, "path")).isEmpty();
        assertThat(all(none, "circle")).isEmpty();
    }

    @Test
    void valuesOutsideTheScaleAreClampedToThePlot() throws Exception {
        var doc = parse(SvgCharts.line(chart(List.of(-5.0, 50.0), List.of(), List.of())));

        var d = all(doc, "path").stream()
                .filter(p -> "line".equals(p.getAttribute("class")))
                .findFirst()
                .orElseThrow()
                .getAttribute("d");
        assertThat(d).isEqualTo("M28 138L312 8");
    }

    @Test
    void anEmptyScaleIsRefused() {
        assertThatThrownBy(() -> new SvgCharts.LineChart("t", List.of(), 5, 5, List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
