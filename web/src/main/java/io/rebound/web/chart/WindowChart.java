package io.rebound.web.chart;

import io.rebound.web.client.WindowRunning;
import io.rebound.web.format.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A window's running as two small inline SVG charts, the same data the alert emails draw: each day's run as a bar
 * against the longest run allowed, and the running total against the window's volume caps. Colours are SVG
 * presentation attributes, not style attributes, so the page's Content-Security-Policy (no inline styles) holds.
 * Two panels rather than one wide image so each stays readable on a 390 px phone.
 */
public final class WindowChart {

    static final int WIDTH = 360;
    static final int HEIGHT = 230;
    static final int PLOT_LEFT = 46;
    static final int PLOT_RIGHT = WIDTH - 14;
    static final int PLOT_TOP = 48;
    static final int PLOT_BOTTOM = HEIGHT - 32;
    static final String CALM = "#2f5f8f";
    static final String ALERT = "#b4400e";
    static final String LIMIT = "#a51d16";
    static final String SOFT_LIMIT = "#7a5200";
    static final String TEXT = "#1f1f1f";
    static final String MUTED = "#595959";
    static final String GRID = "#e3e3e3";
    static final String TOTAL_FILL = "#dde7f2";
    private static final double BAR_SHARE = 0.64;

    private final WindowRunning running;
    private final String unit;
    private final int highlightDay;
    private final String idPrefix;
    private final List<Double> daily;

    /**
     * @param unit         km or mi, for the labels
     * @param highlightDay the plan day to highlight (the alert's tipping day, or today); outside the window, none
     * @param idPrefix     makes the ids of the charts' titles unique in the page
     */
    public WindowChart(WindowRunning running, String unit, int highlightDay, String idPrefix) {
        if (running == null || running.dailyRunMetres() == null) {
            throw new IllegalArgumentException("running is null or has no dailyRunMetres; expected one distance per day");
        }
        this.running = running;
        this.unit = Units.code(unit);
        this.highlightDay = highlightDay;
        this.idPrefix = idPrefix;
        this.daily = running.dailyRunMetres().stream().map(m -> m == null || !Double.isFinite(m) || m < 0 ? 0.0 : m)
                .toList();
    }

    public int days() {
        return daily.size();
    }

    public double total() {
        return daily.stream().mapToDouble(Double::doubleValue).sum();
    }

    double totalThrough(int index) {
        double sum = 0;
        for (int i = 0; i <= index; i++) {
            sum += daily.get(i);
        }
        return sum;
    }

    /** The soft cap has its own line only when it is a metre or more below the hard cap. */
    Double distinctSoftCap() {
        Double soft = running.volumeSoftCapMetres();
        Double hard = running.volumeHardCapMetres();
        return soft != null && (hard == null || hard - soft >= 1) ? soft : null;
    }

    /** Each day's run against the longest run allowed. */
    public String dailySvg() {
        double longest = daily.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Scale scale = Scale.covering(unit, longest, running.singleRunCapMetres());
        Svg svg = new Svg(idPrefix + "-daily", "Daily runs (" + unit + ")", describeDaily());
        grid(svg, scale);
        double slot = slotWidth();
        double barWidth = Math.max(1, slot * BAR_SHARE);
        for (int i = 0; i < days(); i++) {
            double metres = daily.get(i);
            if (metres <= 0) {
                continue;
            }
            int day = running.firstDay() + i;
            boolean highlighted = day == highlightDay;
            double top = Math.min(scale.y(metres), PLOT_BOTTOM - 2);
            double x = PLOT_LEFT + i * slot + (slot - barWidth) / 2;
            svg.add(String.format(Locale.ROOT,
                    "<rect class=\"bar%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                    highlighted ? " bar-highlight" : "", x, top, barWidth, PLOT_BOTTOM - top, highlighted ? ALERT : CALM));
            String value = Units.amount(metres, unit);
            if (value.length() * 7 + 2 <= slot) {
                svg.text(PLOT_LEFT + (i + 0.5) * slot, top - 4, value, "middle", 12, highlighted, TEXT);
            }
        }
        axis(svg);
        Double cap = running.singleRunCapMetres();
        if (cap != null) {
            capLine(svg, scale.y(cap), cap == 0 ? "no running yet" : "longest run allowed " + Units.distance(cap, unit),
                    LIMIT, "cap");
        }
        dayLabels(svg);
        return svg.close();
    }

    /** The running total day by day against the window's volume caps. */
    public String totalSvg() {
        Double soft = distinctSoftCap();
        Double hard = running.volumeHardCapMetres();
        double top = Math.max(total(), soft == null ? 0 : soft);
        Scale scale = Scale.covering(unit, top, hard);
        Svg svg = new Svg(idPrefix + "-total", "Total so far: " + Units.distance(total(), unit), describeTotal());
        grid(svg, scale);
        double slot = slotWidth();
        if (days() > 0) {
            StringBuilder step = new StringBuilder();
            step.append(String.format(Locale.ROOT, "M%.1f %d", (double) PLOT_LEFT, PLOT_BOTTOM));
            for (int i = 0; i < days(); i++) {
                double y = scale.y(totalThrough(i));
                step.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", PLOT_LEFT + i * slot, y,
                        PLOT_LEFT + (i + 1) * slot, y));
            }
            svg.add("<path class=\"total-area\" d=\"" + step + String.format(Locale.ROOT, " L%d %d Z", PLOT_RIGHT,
                    PLOT_BOTTOM) + "\" fill=\"" + TOTAL_FILL + "\"/>");
            svg.add("<path class=\"total-line\" d=\"" + step + "\" fill=\"none\" stroke=\"" + CALM
                    + "\" stroke-width=\"2\"/>");
        }
        axis(svg);
        if (soft != null) {
            capLine(svg, scale.y(soft), "aim to stay under " + Units.distance(soft, unit), SOFT_LIMIT, "cap-soft");
        }
        if (hard != null) {
            capLine(svg, scale.y(hard), hard == 0 ? "no running yet" : "total allowed " + Units.distance(hard, unit),
                    LIMIT, "cap-hard");
        }
        int index = highlightDay - running.firstDay();
        if (index >= 0 && index < days()) {
            svg.add(String.format(Locale.ROOT,
                    "<circle class=\"marker\" cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"2\"/>",
                    PLOT_LEFT + (index + 0.5) * slot, scale.y(totalThrough(index)), ALERT));
        }
        dayLabels(svg);
        return svg.close();
    }

    /** The daily chart's numbers in a sentence, for people who cannot see it. */
    public String describeDaily() {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < days(); i++) {
            int day = running.firstDay() + i;
            if (daily.get(i) > 0) {
                runs.add(Units.distance(daily.get(i), unit) + " on day " + day + (day == highlightDay ? " (highlighted)" : ""));
            }
        }
        String span = running.firstDay() == running.lastDay() ? "day " + running.firstDay()
                : "days " + running.firstDay() + " to " + running.lastDay();
        String text = days() == 0 ? "No plan days to show."
                : runs.isEmpty() ? "No running on " + span + "." : "Running on " + span + ": " + String.join(", ", runs) + ".";
        Double cap = running.singleRunCapMetres();
        if (cap != null) {
            text += cap == 0 ? " No running is allowed yet." : " Longest run allowed: " + Units.distance(cap, unit) + ".";
        }
        return text;
    }

    /** The total chart's numbers in a sentence. */
    public String describeTotal() {
        StringBuilder text = new StringBuilder("Total so far " + Units.distance(total(), unit));
        Double hard = running.volumeHardCapMetres();
        if (hard != null && hard == 0) {
            text.append("; no running is allowed in this window");
        } else if (hard != null) {
            text.append(" of ").append(Units.distance(hard, unit)).append(" allowed");
        }
        Double soft = distinctSoftCap();
        if (soft != null) {
            text.append(" (aim to stay under ").append(Units.distance(soft, unit)).append(')');
        }
        return text.append('.').toString();
    }

    private double slotWidth() {
        return (double) (PLOT_RIGHT - PLOT_LEFT) / Math.max(days(), 1);
    }

    private static void grid(Svg svg, Scale scale) {
        for (int tick = 0; tick <= scale.ticks(); tick++) {
            double metres = tick * scale.stepMetres();
            double y = scale.y(metres);
            svg.add(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>",
                    PLOT_LEFT, y, PLOT_RIGHT, y, GRID));
            svg.text(PLOT_LEFT - 6, y + 4, Units.amount(metres, scale.unit()), "end", 12, false, MUTED);
        }
    }

    private static void axis(Svg svg) {
        svg.add(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#767676\"/>",
                PLOT_LEFT, PLOT_BOTTOM, PLOT_RIGHT, PLOT_BOTTOM));
    }

    /** A dashed cap line with its label right-aligned above it, or below it when the line is near the top. */
    private static void capLine(Svg svg, double y, String label, String colour, String kind) {
        svg.add(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"2\" stroke-dasharray=\"7 5\"/>", kind, PLOT_LEFT, y, PLOT_RIGHT, y, colour));
        double labelY = y - 6 < PLOT_TOP - 8 ? y + 15 : y - 6;
        svg.haloText(PLOT_RIGHT - 2, labelY, label, colour);
    }

    private void dayLabels(Svg svg) {
        double slot = slotWidth();
        int widest = Math.max(Integer.toString(running.firstDay()).length(), Integer.toString(running.lastDay()).length());
        int every = (int) Math.max(1, Math.ceil((widest * 8 + 6) / slot));
        for (int i = 0; i < days(); i += every) {
            int day = running.firstDay() + i;
            svg.text(PLOT_LEFT + (i + 0.5) * slot, PLOT_BOTTOM + 17, Integer.toString(day), "middle", 12,
                    day == highlightDay, day == highlightDay ? TEXT : MUTED);
        }
        svg.text((PLOT_LEFT + PLOT_RIGHT) / 2.0, HEIGHT - 2, "plan day", "middle", 11, false, MUTED);
    }

    /** A vertical scale from 0 with round steps in the runner's unit, at least 0 to 2. */
    record Scale(String unit, double topMetres, double stepMetres) {

        static Scale covering(String unit, double dataMetres, Double capMetres) {
            double per = Units.metresPer(unit);
            double highest = Math.max(dataMetres / per, capMetres == null ? 0 : capMetres / per);
            highest = Math.min(Math.max(highest, 2), 1e9);
            double step = niceStep(highest / 4);
            double top = Math.ceil(highest / step - 1e-9) * step;
            return new Scale(unit, top * per, step * per);
        }

        private static double niceStep(double raw) {
            double power = Math.pow(10, Math.floor(Math.log10(raw)));
            double fraction = raw / power;
            double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
            return nice * power;
        }

        int ticks() {
            return (int) Math.round(topMetres / stepMetres);
        }

        /** The row of {@code metres}; a value off the scale sits on its edge. */
        double y(double metres) {
            double share = metres / topMetres;
            share = Double.isNaN(share) ? 0 : Math.max(0, Math.min(1, share));
            return PLOT_BOTTOM - share * (PLOT_BOTTOM - PLOT_TOP);
        }
    }

    /** An SVG document being written, with its accessible title and description. */
    private static final class Svg {

        private final StringBuilder out = new StringBuilder();

        Svg(String id, String title, String description) {
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                    .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                    .append("-desc\" font-family=\"system-ui, sans-serif\">");
            out.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
            out.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
            out.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                    .append("\" fill=\"#ffffff\"/>");
            text(12, 22, title, "start", 15, true, TEXT);
        }

        void add(String element) {
            out.append(element);
        }

        void text(double x, double y, String text, String anchor, int size, boolean bold, String colour) {
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s fill=\"%s\">",
                    x, y, anchor, size, bold ? " font-weight=\"bold\"" : "", colour)).append(escape(text)).append("</text>");
        }

        /** Text with a white rim, so it reads over bars and lines. */
        void haloText(double x, double y, String text, String colour) {
            out.append(String.format(Locale.ROOT, "<text class=\"cap-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\""
                    + " font-size=\"12\" font-weight=\"bold\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"3\""
                    + " paint-order=\"stroke\">", x, y, colour)).append(escape(text)).append("</text>");
        }

        String close() {
            return out.append("</svg>").toString();
        }

        static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
