package io.rebound.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Latency against load, drawn with Java2D: the ingest steps of each target (p50 dashed, p99 solid, against the
 * offered rate, both axes logarithmic) and the end-to-end latencies at the three loads.
 */
final class LatencyPlot {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 1060;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)};
    private static final Stroke SOLID = new BasicStroke(2.2f);
    private static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {7f, 5f}, 0f);
    private static final Stroke THIN = new BasicStroke(1f);

    private LatencyPlot() {
    }

    static void draw(JsonNode latest, Path file) throws Exception {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        JsonNode machine = latest.path("machine");
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Rebound bench: latency against load", 40, 32);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(String.format(Locale.ROOT, "%s · %d cores %s · %s", latest.path("generatedAt").asText(),
                machine.path("nproc").asInt(), machine.path("cpuModel").asText(), machine.path("jdk").asText()), 40, 52);
        ingest(g, latest.path("ingest"), new Box(90, 90, WIDTH - 130, 420));
        endToEnd(g, latest.path("endToEnd"), new Box(90, 600, WIDTH - 130, 380));
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void ingest(Graphics2D g, JsonNode ingest, Box box) {
        List<String> names = List.of("http-ceiling", "jdbc-ceiling", "activity-service");
        double minRate = Double.MAX_VALUE;
        double maxRate = 1;
        double maxMs = 200;
        for (String name : names) {
            for (JsonNode step : ingest.path(name).path("steps")) {
                minRate = Math.min(minRate, step.path("offeredPerSecond").asDouble());
                maxRate = Math.max(maxRate, step.path("offeredPerSecond").asDouble());
                maxMs = Math.max(maxMs, step.path("latencyMs").path("p99").asDouble());
            }
        }
        if (minRate == Double.MAX_VALUE) {
            minRate = 1;
        }
        Axis x = Axis.log(minRate / 1.3, maxRate * 1.3);
        Axis y = Axis.log(0.1, Math.min(maxMs * 1.5, 600_000));
        frame(g, box, x, y, "offered rate (webhooks/s, log)", "latency (ms, log)",
                "Ingest: signed webhooks, open loop, each rate for a few seconds (solid p99, dashed p50)");
        threshold(g, box, y, 100, "p99 limit 100 ms");
        for (int i = 0; i < names.size(); i++) {
            JsonNode target = ingest.path(names.get(i));
            List<double[]> p99 = new ArrayList<>();
            List<double[]> p50 = new ArrayList<>();
            for (JsonNode step : sortedSteps(target.path("steps"))) {
                double rate = step.path("offeredPerSecond").asDouble();
                p99.add(new double[] {rate, step.path("latencyMs").path("p99").asDouble()});
                p50.add(new double[] {rate, step.path("latencyMs").path("p50").asDouble()});
            }
            g.setColor(COLORS[i]);
            series(g, box, x, y, p99, SOLID, true);
            series(g, box, x, y, p50, DASHED, false);
            legend(g, box, i, COLORS[i], String.format(Locale.ROOT, "%s: max %d/s", names.get(i),
                    target.path("maxPerSecond").asLong()));
        }
    }

    private static void endToEnd(Graphics2D g, JsonNode e2e, Box box) {
        String[][] series = {
            {"acceptedToAlertOnTopicMs", "alert on topic"},
            {"acceptedToRunnerEmailMs", "runner email accepted by SMTP"},
            {"acceptedToPtEmailMs", "PT email accepted by SMTP"}};
        double maxRate = 1;
        double maxMs = 1000;
        for (JsonNode level : e2e.path("levels")) {
            maxRate = Math.max(maxRate, level.path("offeredPerSecond").asDouble());
            for (String[] s : series) {
                JsonNode lat = level.path(s[0]);
                maxMs = Math.max(maxMs, lat.path("p99Ms").isNull() ? lat.path("waitedMs").asDouble() : lat.path("p99Ms").asDouble());
            }
        }
        Axis x = Axis.linear(0, maxRate * 1.15);
        Axis y = Axis.log(1, maxMs * 1.5);
        frame(g, box, x, y, "offered webhooks/s (2/s, then 25%, 50%, 75% of the ingest max)", "latency (ms, log)",
                "End to end: webhook accepted to alert and to email (solid p99, dashed p50; ^ = not all arrived in the wait)");
        threshold(g, box, y, 250, "alert p99 limit 250 ms");
        threshold(g, box, y, 1000, "email p99 limit 1 s");
        for (int i = 0; i < series.length; i++) {
            List<double[]> p99 = new ArrayList<>();
            List<double[]> p50 = new ArrayList<>();
            for (JsonNode level : e2e.path("levels")) {
                double rate = level.path("offeredPerSecond").asDouble();
                JsonNode lat = level.path(series[i][0]);
                boolean censored = lat.path("p99Ms").isNull();
                p99.add(new double[] {rate, censored ? lat.path("waitedMs").asDouble() : lat.path("p99Ms").asDouble(), censored ? 1 : 0});
                if (!lat.path("p50Ms").isNull()) {
                    p50.add(new double[] {rate, lat.path("p50Ms").asDouble()});
                }
            }
            g.setColor(COLORS[i]);
            series(g, box, x, y, p99, SOLID, true);
            series(g, box, x, y, p50, DASHED, false);
            legend(g, box, i, COLORS[i], series[i][1]);
        }
    }

    private static List<JsonNode> sortedSteps(JsonNode steps) {
        List<JsonNode> list = new ArrayList<>();
        steps.forEach(list::add);
        list.sort((a, b) -> Double.compare(a.path("offeredPerSecond").asDouble(), b.path("offeredPerSecond").asDouble()));
        return list;
    }

    private static void series(Graphics2D g, Box box, Axis x, Axis y, List<double[]> points, Stroke stroke, boolean markers) {
        Path2D path = new Path2D.Double();
        boolean first = true;
        for (double[] p : points) {
            if (!(p[1] > 0)) {
                continue;
            }
            double px = box.x(x.fraction(p[0]));
            double py = box.y(y.fraction(p[1]));
            if (first) {
                path.moveTo(px, py);
                first = false;
            } else {
                path.lineTo(px, py);
            }
        }
        g.setStroke(stroke);
        g.draw(path);
        if (markers) {
            for (double[] p : points) {
                if (!(p[1] > 0)) {
                    continue;
                }
                int px = (int) box.x(x.fraction(p[0]));
                int py = (int) box.y(y.fraction(p[1]));
                g.fillOval(px - 4, py - 4, 8, 8);
                if (p.length > 2 && p[2] > 0) {
                    g.drawString("^", px - 3, py - 6);
                }
            }
        }
    }

    private static void frame(Graphics2D g, Box box, Axis x, Axis y, String xLabel, String yLabel, String title) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, box.left, box.top - 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setStroke(THIN);
        for (double tick : y.ticks()) {
            int py = (int) box.y(y.fraction(tick));
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(box.left, py, box.left + box.width, py);
            g.setColor(Color.DARK_GRAY);
            String label = tick >= 1000 ? String.format(Locale.ROOT, "%.0f s", tick / 1000) : trim(tick) + " ms";
            g.drawString(label, box.left - 8 - g.getFontMetrics().stringWidth(label), py + 4);
        }
        for (double tick : x.ticks()) {
            int px = (int) box.x(x.fraction(tick));
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(px, box.top, px, box.top + box.height);
            g.setColor(Color.DARK_GRAY);
            String label = trim(tick);
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, box.top + box.height + 16);
        }
        g.setColor(Color.BLACK);
        g.drawRect(box.left, box.top, box.width, box.height);
        g.drawString(xLabel, box.left + box.width / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, box.top + box.height + 34);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(box.top + box.height / 2 + g.getFontMetrics().stringWidth(yLabel) / 2), box.left - 62);
        rotated.dispose();
    }

    private static void threshold(Graphics2D g, Box box, Axis y, double ms, String label) {
        if (ms < y.min || ms > y.max) {
            return;
        }
        int py = (int) box.y(y.fraction(ms));
        g.setColor(new Color(0xff7f0e));
        g.setStroke(DASHED);
        g.draw(new Line2D.Double(box.left, py, box.left + box.width, py));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(label, box.left + box.width - g.getFontMetrics().stringWidth(label) - 6, py - 4);
    }

    private static void legend(Graphics2D g, Box box, int index, Color color, String text) {
        int lx = box.left + 14;
        int ly = box.top + 20 + index * 18;
        g.setColor(color);
        g.setStroke(SOLID);
        g.drawLine(lx, ly - 4, lx + 26, ly - 4);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(text, lx + 34, ly);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private record Box(int left, int top, int width, int height) {

        double x(double fraction) {
            return left + fraction * width;
        }

        double y(double fraction) {
            return top + height - fraction * height;
        }
    }

    private record Axis(double min, double max, boolean log) {

        static Axis log(double min, double max) {
            return new Axis(min, Math.max(max, min * 10), true);
        }

        static Axis linear(double min, double max) {
            return new Axis(min, max, false);
        }

        double fraction(double value) {
            return log ? (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (value - min) / (max - min);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double decade = Math.pow(10, Math.floor(Math.log10(min))); decade <= max; decade *= 10) {
                    for (double m : new double[] {1, 2, 5}) {
                        double tick = decade * m;
                        if (tick >= min && tick <= max) {
                            ticks.add(tick);
                        }
                    }
                }
            } else {
                double step = Math.pow(10, Math.floor(Math.log10((max - min) / 5)));
                if ((max - min) / step > 10) {
                    step *= 2;
                }
                for (double tick = Math.ceil(min / step) * step; tick <= max; tick += step) {
                    ticks.add(tick);
                }
            }
            return ticks;
        }
    }
}
