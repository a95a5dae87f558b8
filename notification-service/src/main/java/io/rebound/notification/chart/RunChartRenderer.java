package io.rebound.notification.chart;

import io.rebound.events.DistanceUnit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a {@link RunChart} as a 600x320 PNG for the runner's alert email: each day's run as a bar against the
 * longest run allowed, and the window's running total against its volume caps, and words the same numbers as the
 * image's alternative text. Needs no display and no fonts beyond the JDK's logical ones.
 */
public final class RunChartRenderer {

    static {
        // First, before any AWT class loads: the service never opens a window, and with no display it must not try.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final Color CALM = new Color(0x4E79A7);
    /** The colour of the alert day's bar. */
    public static final Color ALERT = new Color(0xE15F24);
    static final Color LIMIT = new Color(0xB3261E);
    static final Color SOFT_LIMIT = new Color(0xB7791F);

    private static final Color TEXT = new Color(0x2B2B2B);
    private static final Color MUTED = new Color(0x6B6B6B);
    private static final Color GRID = new Color(0xE8E8E8);
    private static final Color AXIS = new Color(0x9A9A9A);
    private static final Color TOTAL_FILL = new Color(0xDDE7F2);

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    private static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font VALUE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font ALERT_VALUE = VALUE.deriveFont(Font.BOLD);
    private static final Font CAP_LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    private static final Stroke LINE = new BasicStroke(2f);
    private static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {7f, 5f}, 0f);
    private static final int MARGIN = 16;
    private static final int MARKER_RADIUS = 7;

    /** The chart as PNG bytes. */
    public byte[] png(RunChart chart) {
        BufferedImage image = render(chart);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the chart as PNG", e);
        }
        return out.toByteArray();
    }

    /**
     * One or two sentences with the chart's numbers in the runner's unit, for the image's alt text, e.g. "Daily
     * running on days 8-14: 3.1 mi on day 8, 6.8 mi on day 10 (highlighted). Longest run allowed: 6 mi; total so far
     * 9.9 mi of 12.4 mi allowed."
     */
    public String describe(RunChart chart) {
        DistanceUnit unit = chart.unit();
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < chart.dailyRunMetres().size(); i++) {
            double metres = chart.dailyRunMetres().get(i);
            int day = chart.firstDay() + i;
            if (metres > 0) {
                runs.add(distance(metres, unit) + " on day " + day + (day == chart.alertDay() ? " (highlighted)" : ""));
            }
        }
        String days = chart.firstDay() == chart.lastDay() ? "day " + chart.firstDay()
                : "days " + chart.firstDay() + "-" + chart.lastDay();
        String daily = chart.dailyRunMetres().isEmpty() ? "No plan days to show."
                : runs.isEmpty() ? "No running on " + days + "."
                : "Daily running on " + days + ": " + String.join(", ", runs) + ".";

        StringBuilder limits = new StringBuilder();
        Double singleCap = chart.singleRunCapMetres();
        if (singleCap != null) {
            limits.append(singleCap == 0 ? "No running allowed yet; " : "Longest run allowed: "
                    + distance(singleCap, unit) + "; ");
        }
        double total = new ChartGeometry(chart).total();
        limits.append("total so far ").append(distance(total, unit));
        if (chart.volumeHardCapMetres() != null && chart.volumeHardCapMetres() == 0) {
            limits.append(singleCap != null && singleCap == 0 ? "" : " (no running allowed yet)");
        } else if (chart.volumeHardCapMetres() != null) {
            limits.append(" of ").append(distance(chart.volumeHardCapMetres(), unit)).append(" allowed");
        }
        if (distinctSoftCap(chart)) {
            limits.append(" (aim to stay under ").append(distance(chart.volumeSoftCapMetres(), unit)).append(')');
        }
        limits.setCharAt(0, Character.toUpperCase(limits.charAt(0)));
        return daily + " " + limits + ".";
    }

    private BufferedImage render(RunChart chart) {
        ChartGeometry geometry = new ChartGeometry(chart);
        BufferedImage image = new BufferedImage(ChartGeometry.WIDTH, ChartGeometry.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, ChartGeometry.WIDTH, ChartGeometry.HEIGHT);
            g.setFont(TITLE);
            g.setColor(TEXT);
            g.drawString(fitted(g, chart.windowLabel(), ChartGeometry.WIDTH - 2 * MARGIN), MARGIN, 28);
            drawDaily(g, chart, geometry);
            drawTotal(g, chart, geometry);
        } finally {
            g.dispose();
        }
        return image;
    }

    private void drawDaily(Graphics2D g, RunChart chart, ChartGeometry geometry) {
        Rectangle plot = geometry.dailyPlot;
        panelTitle(g, "Daily runs (" + chart.unit().code() + ")", plot);
        grid(g, plot, geometry.dailyScale);
        CapLabels labels = new CapLabels(g, plot);
        int bottom = plot.y + plot.height;
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < geometry.days(); i++) {
            double metres = chart.dailyRunMetres().get(i);
            if (metres <= 0) {
                continue;
            }
            int day = chart.firstDay() + i;
            boolean alert = day == chart.alertDay();
            // A short run still shows as a sliver rather than vanishing into the axis.
            int top = Math.min(geometry.dailyY(metres), bottom - 2);
            g.setColor(alert ? ALERT : CALM);
            g.fillRect(geometry.barX(day), top, geometry.barWidth(), bottom - top);
            g.setFont(alert ? ALERT_VALUE : VALUE);
            FontMetrics metrics = g.getFontMetrics();
            String value = amount(metres, chart.unit());
            int valueTop = top;
            if (metrics.stringWidth(value) + 2 <= geometry.slotWidth()) {
                int x = geometry.slotCenterX(plot, day) - metrics.stringWidth(value) / 2;
                values.add(new Value(value, x, top - 5, g.getFont()));
                valueTop = top - 5 - metrics.getAscent();
            }
            labels.data(slot(geometry, plot, day, valueTop));
        }
        axis(g, plot);
        Double cap = chart.singleRunCapMetres();
        if (cap != null) {
            dashed(g, plot, geometry.dailyY(cap), LIMIT);
        }
        // Values go over the cap line, so one just under or over the cap stays readable.
        for (Value value : values) {
            g.setFont(value.font());
            CapLabels.drawHaloed(g, value.text(), value.x(), value.baseline(), TEXT);
        }
        if (cap != null) {
            g.setFont(CAP_LABEL);
            String label = cap == 0 ? "no running yet" : "longest run allowed " + distance(cap, chart.unit());
            labels.place(fitted(g, label, plot.width - 4), geometry.dailyY(cap), LIMIT);
        }
        dayLabels(g, chart, geometry, plot);
    }

    private void drawTotal(Graphics2D g, RunChart chart, ChartGeometry geometry) {
        Rectangle plot = geometry.totalPlot;
        panelTitle(g, "Total so far: " + distance(geometry.total(), chart.unit()), plot);
        grid(g, plot, geometry.totalScale);
        CapLabels labels = new CapLabels(g, plot);
        int bottom = plot.y + plot.height;
        if (geometry.days() > 0) {
            Path2D.Double step = new Path2D.Double();
            step.moveTo(plot.x, bottom);
            for (int i = 0; i < geometry.days(); i++) {
                int day = chart.firstDay() + i;
                int y = geometry.totalY(geometry.totalThrough(day));
                step.lineTo(geometry.slotLeftX(plot, day), y);
                step.lineTo(geometry.slotLeftX(plot, day + 1), y);
                labels.data(slot(geometry, plot, day, y - 2));
            }
            Path2D.Double area = new Path2D.Double(step);
            area.lineTo(plot.x + plot.width, bottom);
            area.closePath();
            g.setColor(TOTAL_FILL);
            g.fill(area);
            g.setColor(CALM);
            g.setStroke(LINE);
            g.draw(step);
        }
        axis(g, plot);
        boolean alertInWindow = chart.alertDay() >= chart.firstDay() && chart.alertDay() <= chart.lastDay();
        int markerX = alertInWindow ? geometry.slotCenterX(plot, chart.alertDay()) : 0;
        int markerY = alertInWindow ? geometry.totalY(geometry.totalThrough(chart.alertDay())) : 0;
        if (alertInWindow) {
            labels.data(new Rectangle(markerX - MARKER_RADIUS, markerY - MARKER_RADIUS, 2 * MARKER_RADIUS,
                    2 * MARKER_RADIUS));
        }
        Double soft = distinctSoftCap(chart) ? chart.volumeSoftCapMetres() : null;
        Double hard = chart.volumeHardCapMetres();
        if (soft != null) {
            dashed(g, plot, geometry.totalY(soft), SOFT_LIMIT);
            labels.line(geometry.totalY(soft));
        }
        if (hard != null) {
            dashed(g, plot, geometry.totalY(hard), LIMIT);
            labels.line(geometry.totalY(hard));
        }
        g.setFont(CAP_LABEL);
        if (hard != null) {
            String label = hard == 0 ? "no running yet" : "total allowed " + distance(hard, chart.unit());
            labels.place(fitted(g, label, plot.width - 4), geometry.totalY(hard), LIMIT);
        }
        if (soft != null) {
            String label = "aim to stay under " + distance(soft, chart.unit());
            labels.place(fitted(g, label, plot.width - 4), geometry.totalY(soft), SOFT_LIMIT);
        }
        if (alertInWindow) {
            alertMarker(g, markerX, markerY);
        }
        dayLabels(g, chart, geometry, plot);
    }

    /** A bar's distance, written above it. */
    private record Value(String text, int x, int baseline, Font font) {
    }

    /** The part of {@code day}'s slot from {@code top} down to the axis. */
    private static Rectangle slot(ChartGeometry geometry, Rectangle plot, int day, int top) {
        int left = geometry.slotLeftX(plot, day);
        return new Rectangle(left, top, geometry.slotLeftX(plot, day + 1) - left, plot.y + plot.height - top);
    }

    /** The soft cap is worth its own line only when it differs from the hard cap by a metre or more. */
    private static boolean distinctSoftCap(RunChart chart) {
        Double soft = chart.volumeSoftCapMetres();
        Double hard = chart.volumeHardCapMetres();
        return soft != null && (hard == null || hard - soft >= 1);
    }

    private static void panelTitle(Graphics2D g, String title, Rectangle plot) {
        int panelLeft = plot.x < ChartGeometry.WIDTH / 2 ? 0 : ChartGeometry.WIDTH / 2;
        g.setFont(PANEL_TITLE);
        g.setColor(TEXT);
        g.drawString(fitted(g, title, ChartGeometry.WIDTH / 2 - 2 * MARGIN), panelLeft + MARGIN, 56);
    }

    private static void grid(Graphics2D g, Rectangle plot, ChartGeometry.Scale scale) {
        g.setFont(AXIS_LABEL);
        FontMetrics metrics = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (int tick = 0; tick <= scale.ticks(); tick++) {
            double metres = tick * scale.stepMetres();
            int y = scale.y(plot, metres);
            g.setColor(GRID);
            g.drawLine(plot.x, y, plot.x + plot.width - 1, y);
            String label = amount(metres, scale.unit());
            g.setColor(MUTED);
            g.drawString(label, plot.x - 8 - metrics.stringWidth(label), y + metrics.getAscent() / 2 - 1);
        }
    }

    private static void axis(Graphics2D g, Rectangle plot) {
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        int bottom = plot.y + plot.height;
        g.drawLine(plot.x, bottom, plot.x + plot.width - 1, bottom);
    }

    private static void dashed(Graphics2D g, Rectangle plot, int y, Color colour) {
        g.setColor(colour);
        g.setStroke(DASHED);
        g.drawLine(plot.x, y, plot.x + plot.width - 1, y);
    }

    private static void alertMarker(Graphics2D g, int x, int y) {
        Object before = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillOval(x - MARKER_RADIUS, y - MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS);
        g.setColor(ALERT);
        g.fillOval(x - MARKER_RADIUS + 2, y - MARKER_RADIUS + 2, 2 * MARKER_RADIUS - 4, 2 * MARKER_RADIUS - 4);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, before);
    }

    /** Day numbers under the slots, skipping some when they would not fit; the alert day's in bold. */
    private static void dayLabels(Graphics2D g, RunChart chart, ChartGeometry geometry, Rectangle plot) {
        g.setFont(AXIS_LABEL);
        FontMetrics metrics = g.getFontMetrics();
        int widest = Math.max(metrics.stringWidth(Integer.toString(chart.firstDay())),
                metrics.stringWidth(Integer.toString(chart.lastDay())));
        int every = (int) Math.max(1, Math.ceil((widest + 8) / geometry.slotWidth()));
        int baseline = plot.y + plot.height + 6 + metrics.getAscent();
        for (int i = 0; i < geometry.days(); i += every) {
            int day = chart.firstDay() + i;
            boolean alert = day == chart.alertDay();
            g.setFont(alert ? AXIS_LABEL.deriveFont(Font.BOLD) : AXIS_LABEL);
            g.setColor(alert ? TEXT : MUTED);
            centred(g, Integer.toString(day), geometry.slotCenterX(plot, day), baseline);
        }
    }

    private static void centred(Graphics2D g, String text, int x, int baseline) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    /** The text cut short with an ellipsis if it is wider than {@code width} pixels in the current font. */
    private static String fitted(Graphics2D g, String text, int width) {
        FontMetrics metrics = g.getFontMetrics();
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** A distance with its unit, e.g. "6 mi" or "9.7 km". */
    static String distance(double metres, DistanceUnit unit) {
        return amount(metres, unit) + " " + unit.code();
    }

    /** A distance in the unit with at most one decimal and no trailing ".0", e.g. "6" or "9.7". */
    static String amount(double metres, DistanceUnit unit) {
        double value = unit.fromMetres(metres);
        if (value > 0 && value < 0.05) {
            return "<0.1";
        }
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
