package io.rebound.web.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebound.web.client.WindowRunning;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class WindowChartTest {

    private static final double MILE = 1609.344;

    /** Reintroduce, days 8-14, peak week 40 mi: a 3 mi run on day 8 and a 7 mi run on day 10, which tipped the alert. */
    private static WindowRunning reintroduce() {
        return new WindowRunning(8, 14, List.of(3 * MILE, 0.0, 7 * MILE, 0.0, 0.0, 0.0, 0.0), 6 * MILE,
                8 * MILE, 10 * MILE);
    }

    @Test
    void drawsOneBarPerDayWithRunningAndHighlightsTheAlertDay() throws Exception {
        Document svg = parse(new WindowChart(reintroduce(), "mi", 10, "t").dailySvg());

        List<Element> bars = elements(svg, "rect").stream().filter(e -> e.getAttribute("class").startsWith("bar")).toList();
        assertThat(bars).hasSize(2);
        assertThat(bars.get(0).getAttribute("fill")).isEqualTo(WindowChart.CALM);
        assertThat(bars.get(1).getAttribute("class")).isEqualTo("bar bar-highlight");
        assertThat(bars.get(1).getAttribute("fill")).isEqualTo(WindowChart.ALERT);
        // The 7 mi bar is taller than the 3 mi one, in proportion: heights 7:3.
        double short3 = Double.parseDouble(bars.get(0).getAttribute("height"));
        double tall7 = Double.parseDouble(bars.get(1).getAttribute("height"));
        assertThat(tall7 / short3).isCloseTo(7.0 / 3.0, org.assertj.core.data.Offset.offset(0.01));
        // Day 10 sits in the third of seven slots.
        double slot = (WindowChart.PLOT_RIGHT - WindowChart.PLOT_LEFT) / 7.0;
        double x = Double.parseDouble(bars.get(1).getAttribute("x"));
        assertThat(x).isBetween(WindowChart.PLOT_LEFT + 2 * slot, WindowChart.PLOT_LEFT + 3 * slot);
    }

    @Test
    void theLongestRunAllowedIsADashedLineAtItsHeightOnARoundScale() throws Exception {
        Document svg = parse(new WindowChart(reintroduce(), "mi", 10, "t").dailySvg());

        // Data up to 7 mi: a scale of 0-8 mi in steps of 2, so the 6 mi cap sits three quarters of the way up.
        Element cap = elements(svg, "line").stream().filter(e -> e.getAttribute("class").equals("cap")).findFirst().orElseThrow();
        double expected = WindowChart.PLOT_BOTTOM - 0.75 * (WindowChart.PLOT_BOTTOM - WindowChart.PLOT_TOP);
        assertThat(Double.parseDouble(cap.getAttribute("y1"))).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05));
        assertThat(cap.getAttribute("stroke-dasharray")).isNotEmpty();
        assertThat(texts(svg)).contains("longest run allowed 6 mi", "0", "2", "4", "6", "8", "3", "7");
    }

    @Test
    void theTotalPanelShowsTheRunningTotalAgainstBothVolumeCaps() throws Exception {
        String text = new WindowChart(reintroduce(), "mi", 10, "t").totalSvg();
        Document svg = parse(text);

        assertThat(texts(svg)).contains("Total so far: 10 mi", "total allowed 10 mi", "aim to stay under 8 mi");
        assertThat(elements(svg, "line").stream().map(e -> e.getAttribute("class")).toList())
                .contains("cap-soft", "cap-hard");
        // The step line climbs at day 8 and day 10 and stays flat after: its last point is at the 10 mi total.
        Element line = elements(svg, "path").stream().filter(e -> e.getAttribute("class").equals("total-line")).findFirst()
                .orElseThrow();
        List<Double> ys = yValues(line.getAttribute("d"));
        assertThat(ys.get(ys.size() - 1)).isEqualTo(ys.get(ys.size() - 3));
        assertThat(ys.stream().distinct().count()).isEqualTo(3); // the axis, 3 mi, 10 mi
        assertThat(elements(svg, "circle")).hasSize(1);
    }

    @Test
    void aWindowWithoutRunningSaysNoRunningYet() throws Exception {
        WindowRunning rest = new WindowRunning(1, 3, List.of(0.0, 5000.0, 0.0), 0.0, null, 0.0);
        WindowChart chart = new WindowChart(rest, "km", 2, "r");

        assertThat(texts(parse(chart.dailySvg()))).contains("no running yet", "5");
        assertThat(texts(parse(chart.totalSvg()))).contains("no running yet", "Total so far: 5 km");
        assertThat(chart.describeDaily()).isEqualTo("Running on days 1 to 3: 5 km on day 2 (highlighted). No running is allowed yet.");
        assertThat(chart.describeTotal()).isEqualTo("Total so far 5 km; no running is allowed in this window.");
    }

    @Test
    void theChartsAreLabelledForScreenReadersAndCarryNoStyleAttributes() throws Exception {
        WindowChart chart = new WindowChart(reintroduce(), "mi", 10, "alert");
        for (String text : List.of(chart.dailySvg(), chart.totalSvg())) {
            Document svg = parse(text);
            Element root = svg.getDocumentElement();
            assertThat(root.getAttribute("role")).isEqualTo("img");
            for (String id : root.getAttribute("aria-labelledby").split(" ")) {
                assertThat(text).contains("id=\"" + id + "\"");
            }
            assertThat(text).doesNotContain("style=");
        }
        assertThat(chart.describeDaily()).isEqualTo("Running on days 8 to 14: 3 mi on day 8, 7 mi on day 10 (highlighted)."
                + " Longest run allowed: 6 mi.");
        assertThat(chart.describeTotal()).isEqualTo("Total so far 10 mi of 10 mi allowed (aim to stay under 8 mi).");
    }

    @Test
    void aSoftCapEqualToTheHardCapGetsNoLineOfItsOwn() throws Exception {
        WindowRunning resume = new WindowRunning(22, 28, List.of(8000.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), null, 30000.0, 30000.0);
        Document svg = parse(new WindowChart(resume, "km", 40, "s").totalSvg());

        assertThat(elements(svg, "line").stream().map(e -> e.getAttribute("class")).toList())
                .contains("cap-hard").doesNotContain("cap-soft");
        assertThat(elements(svg, "circle")).isEmpty();
    }

    @Test
    void anEmptyWindowStillDrawsAScale() throws Exception {
        WindowRunning none = new WindowRunning(8, 7, List.of(), null, null, null);
        WindowChart chart = new WindowChart(none, "km", 8, "e");
        assertThat(texts(parse(chart.dailySvg()))).contains("0", "2");
        assertThat(chart.describeDaily()).isEqualTo("No plan days to show.");
    }

    @Test
    void refusesRunningWithoutDays() {
        assertThatThrownBy(() -> new WindowChart(new WindowRunning(1, 3, null, null, null, null), "km", 1, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dailyRunMetres");
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Document doc, String name) {
        NodeList nodes = doc.getElementsByTagNameNS("*", name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    static List<String> texts(Document doc) {
        return elements(doc, "text").stream().map(Element::getTextContent).toList();
    }

    private static List<Double> yValues(String path) {
        Matcher m = Pattern.compile("[ML]([0-9.]+) ([0-9.]+)").matcher(path);
        List<Double> ys = new ArrayList<>();
        while (m.find()) {
            ys.add(Double.parseDouble(m.group(2)));
        }
        return ys;
    }
}
