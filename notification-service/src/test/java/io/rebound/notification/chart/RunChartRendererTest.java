package io.rebound.notification.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebound.events.DistanceUnit;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The alert email's chart: the input it refuses, where its pixels land and the words that describe it. */
class RunChartRendererTest {

    private static final DistanceUnit MI = DistanceUnit.MI;
    private final RunChartRenderer renderer = new RunChartRenderer();

    private static double mi(double miles) {
        return MI.toMetres(miles);
    }

    private static List<Double> days(double... metres) {
        return Arrays.stream(metres).boxed().toList();
    }

    /** REINTRODUCE for a 50 mi peak week: 3.1 mi on day 8, then 6.8 mi on day 10 crosses the 6 mi single-run cap. */
    private static RunChart reintroduce() {
        return new RunChart("Reintroduce, days 8-14", 8, 14, days(mi(3.1), 0, mi(6.8), 0, 0, 0, 0), mi(6), mi(10),
                mi(12.5), MI, 10);
    }

    private BufferedImage decoded(RunChart chart) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.png(chart)));
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        return image;
    }

    private static int count(BufferedImage image, Rectangle area, Color colour) {
        int found = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    found++;
                }
            }
        }
        return found;
    }

    private static Rectangle whole(BufferedImage image) {
        return new Rectangle(0, 0, image.getWidth(), image.getHeight());
    }

    /** The rows a 2 px line at {@code y} covers, across the plot. */
    private static Rectangle rowsAt(Rectangle plot, int y) {
        return new Rectangle(plot.x, y - 1, plot.width, 3);
    }

    @Test
    void pngIsSixHundredByThreeHundredTwenty() throws IOException {
        BufferedImage image = decoded(reintroduce());

        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(320);
    }

    @Test
    void onlyTheAlertDaysBarIsInTheWarningColour() throws IOException {
        RunChart chart = reintroduce();
        ChartGeometry geometry = new ChartGeometry(chart);
        BufferedImage image = decoded(chart);
        Rectangle alertBar = new Rectangle(geometry.barX(10), geometry.dailyY(mi(6.8)), geometry.barWidth(),
                geometry.dailyPlot.y + geometry.dailyPlot.height - geometry.dailyY(mi(6.8)));
        int markerX = geometry.slotCenterX(geometry.totalPlot, 10);
        int markerY = geometry.totalY(mi(9.9));
        Rectangle marker = new Rectangle(markerX - 8, markerY - 8, 17, 17);

        assertThat(count(image, alertBar, RunChartRenderer.ALERT)).as("warning pixels in day 10's bar")
                .isGreaterThan(alertBar.width * alertBar.height / 2);
        assertThat(count(image, marker, RunChartRenderer.ALERT)).as("warning pixels at day 10 on the total").isPositive();
        assertThat(count(image, whole(image), RunChartRenderer.ALERT)).as("warning pixels anywhere")
                .isEqualTo(count(image, alertBar, RunChartRenderer.ALERT) + count(image, marker, RunChartRenderer.ALERT));
        int day8Middle = geometry.barX(8) + geometry.barWidth() / 2;
        assertThat(new Color(image.getRGB(day8Middle, geometry.dailyPlot.y + geometry.dailyPlot.height - 3)))
                .as("day 8's bar").isEqualTo(RunChartRenderer.CALM);
    }

    @Test
    void barsSitInTheirDaysSlots() {
        ChartGeometry geometry = new ChartGeometry(reintroduce());

        assertThat(geometry.barX(8)).isGreaterThanOrEqualTo(geometry.dailyPlot.x);
        assertThat(geometry.barX(9)).isGreaterThan(geometry.barX(8) + geometry.barWidth());
        assertThat(geometry.barX(14) + geometry.barWidth()).isLessThanOrEqualTo(geometry.dailyPlot.x + geometry.dailyPlot.width);
    }

    @Test
    void singleRunCapIsADashedLineAtItsHeight() throws IOException {
        RunChart chart = reintroduce();
        ChartGeometry geometry = new ChartGeometry(chart);
        BufferedImage image = decoded(chart);
        int capRow = geometry.dailyY(mi(6));

        assertThat(count(image, rowsAt(geometry.dailyPlot, capRow), RunChartRenderer.LIMIT))
                .as("cap-coloured pixels on the 6 mi row").isGreaterThan(geometry.dailyPlot.width * 2 / 3);
        assertThat(count(image, rowsAt(geometry.dailyPlot, geometry.dailyY(mi(3))), RunChartRenderer.LIMIT))
                .as("cap-coloured pixels on the 3 mi row").isZero();
    }

    @Test
    void volumeCapsAreLinesAtTheirHeightsOnTheTotal() throws IOException {
        RunChart chart = reintroduce();
        ChartGeometry geometry = new ChartGeometry(chart);
        BufferedImage image = decoded(chart);

        assertThat(count(image, rowsAt(geometry.totalPlot, geometry.totalY(mi(12.5))), RunChartRenderer.LIMIT))
                .as("hard cap row").isGreaterThan(geometry.totalPlot.width / 3);
        assertThat(count(image, rowsAt(geometry.totalPlot, geometry.totalY(mi(10))), RunChartRenderer.SOFT_LIMIT))
                .as("soft cap row").isGreaterThan(geometry.totalPlot.width / 3);
    }

    @Test
    void noCapsMeansNoCapLines() throws IOException {
        RunChart chart = new RunChart("Resume, days 22-28", 22, 28, days(mi(4), 0, mi(5), 0, mi(6), 0, 0), null,
                null, null, MI, 26);
        BufferedImage image = decoded(chart);

        assertThat(count(image, whole(image), RunChartRenderer.LIMIT)).isZero();
        assertThat(count(image, whole(image), RunChartRenderer.SOFT_LIMIT)).isZero();
    }

    @Test
    void allZeroWindowWithNoRunningAllowedStillRenders() throws IOException {
        RunChart chart = new RunChart("Rest, days 1-3", 1, 3, days(0, 0, 0), 0.0, null, 0.0, MI, 2);
        ChartGeometry geometry = new ChartGeometry(chart);
        BufferedImage image = decoded(chart);

        assertThat(count(image, geometry.dailyPlot, RunChartRenderer.CALM)).as("bars").isZero();
        assertThat(count(image, geometry.dailyPlot, RunChartRenderer.ALERT)).as("bars").isZero();
        assertThat(count(image, rowsAt(geometry.dailyPlot, geometry.dailyY(0)), RunChartRenderer.LIMIT))
                .as("the zero cap on the axis").isPositive();
    }

    @Test
    void oddButValidWindowsRender() throws IOException {
        List<Double> longWindow = new ArrayList<>(Collections.nCopies(1000, mi(3)));
        RunChart[] charts = {
            new RunChart("Nothing yet", 8, 7, List.of(), mi(6), mi(10), mi(12.5), MI, 8),
            new RunChart("One day", 8, 8, days(mi(2)), null, null, null, DistanceUnit.KM, 8),
            new RunChart("Outlier", 8, 14, days(mi(1), 4e7, 0, 0, 0, 0, 0), mi(6), mi(10), mi(12.5), MI, 9),
            new RunChart("Overflowing", 8, 10, days(Double.MAX_VALUE, Double.MAX_VALUE, 0), mi(6), null, null, MI, 9),
            new RunChart("Long", 1, 1000, longWindow, mi(6), mi(10), mi(12.5), MI, 500),
            new RunChart("Last int", Integer.MAX_VALUE - 1, Integer.MAX_VALUE, days(mi(2), mi(3)), mi(6), null, null,
                    MI, Integer.MAX_VALUE),
            new RunChart("A heading far too long to fit across the chart, which the renderer has to shorten somehow",
                    8, 9, days(1, 2), mi(6), mi(10), mi(12.5), MI, 99),
        };
        for (RunChart chart : charts) {
            assertThat(decoded(chart).getWidth()).as(chart.windowLabel()).isEqualTo(600);
            assertThat(renderer.describe(chart)).as(chart.windowLabel()).isNotBlank();
        }
    }

    @Test
    void dailyDistancesMustMatchTheWindow() {
        assertThatThrownBy(() -> new RunChart("w", 8, 14, days(1, 2, 3), null, null, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dailyRunMetres has 3 entries, expected 7");
        assertThatThrownBy(() -> new RunChart("w", 8, 5, List.of(), null, null, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lastDay");
    }

    @Test
    void distancesMustBeFiniteAndNotNegative() {
        assertThatThrownBy(() -> new RunChart("w", 8, 9, days(1, -5), null, null, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dailyRunMetres[1] (day 9) is -5.0");
        assertThatThrownBy(() -> new RunChart("w", 8, 9, days(Double.NaN, 1), null, null, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dailyRunMetres[0] (day 8) is NaN");
        assertThatThrownBy(() -> new RunChart("w", 8, 9, Arrays.asList(1.0, null), null, null, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dailyRunMetres[1] (day 9) is null");
        assertThatThrownBy(() -> new RunChart("w", 8, 9, days(1, 2), -1.0, null, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("singleRunCapMetres is -1.0");
        assertThatThrownBy(() -> new RunChart("w", 8, 9, days(1, 2), null, Double.POSITIVE_INFINITY, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volumeSoftCapMetres is Infinity");
        assertThatThrownBy(() -> new RunChart("w", 8, 9, days(1, 2), null, 20.0, 10.0, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volumeSoftCapMetres is 20.0");
        assertThatThrownBy(() -> new RunChart("w", 8, 9, days(1, 2), null, null, null, null, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit");
    }

    @Test
    void theChartKeepsItsOwnCopyOfTheDays() {
        List<Double> daily = new ArrayList<>(days(1, 2));
        RunChart chart = new RunChart("w", 8, 9, daily, null, null, null, MI, 8);
        daily.set(0, -1.0);

        assertThat(chart.dailyRunMetres()).containsExactly(1.0, 2.0);
    }

    @Test
    void describeGivesTheNumbersInMiles() {
        assertThat(renderer.describe(reintroduce())).isEqualTo("Daily running on days 8-14: 3.1 mi on day 8,"
                + " 6.8 mi on day 10 (highlighted). Longest run allowed: 6 mi; total so far 9.9 mi of 12.5 mi allowed"
                + " (aim to stay under 10 mi).");
    }

    @Test
    void describeGivesTheNumbersInKilometres() {
        RunChart chart = new RunChart("Rebuild, days 15-21", 15, 21, days(8000, 0, 12500, 0, 17000, 0, 0), 16093.44,
                null, 40000.0, DistanceUnit.KM, 19);

        assertThat(renderer.describe(chart)).isEqualTo("Daily running on days 15-21: 8 km on day 15, 12.5 km on day 17,"
                + " 17 km on day 19 (highlighted). Longest run allowed: 16.1 km; total so far 37.5 km of 40 km allowed.");
    }

    @Test
    void describeSaysWhenNoRunningIsAllowed() {
        RunChart chart = new RunChart("Rest, days 1-3", 1, 3, days(0, mi(2), 0), 0.0, null, null, MI, 2);

        assertThat(renderer.describe(chart)).isEqualTo("Daily running on days 1-3: 2 mi on day 2 (highlighted)."
                + " No running allowed yet; total so far 2 mi.");
    }

    @Test
    void writesASampleForPeopleToLookAt() throws IOException {
        Path sample = Path.of("target", "chart-sample.png");
        Files.createDirectories(sample.getParent());
        Files.write(sample, renderer.png(reintroduce()));

        assertThat(ImageIO.read(sample.toFile())).isNotNull();
    }
}
