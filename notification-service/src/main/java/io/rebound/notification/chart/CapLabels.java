package io.rebound.notification.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts the labels of a plot's cap lines beside their lines, keeping them off the data drawn there, off the lines
 * and off each other where the plot has room, and readable over whatever they cover where it has not.
 */
final class CapLabels {

    private static final Stroke HALO = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    // How far above its plot a label may go, into the space under the panel's title.
    private static final int HEADROOM = 22;
    private static final int SLIDE = 6;
    private static final int PADDING = 3;

    private final Graphics2D g;
    private final Rectangle room;
    private final List<Rectangle> data = new ArrayList<>();
    private final List<Rectangle> marks = new ArrayList<>();

    CapLabels(Graphics2D g, Rectangle plot) {
        this.g = g;
        this.room = new Rectangle(plot.x, plot.y - HEADROOM, plot.width, plot.height + HEADROOM - 1);
    }

    /** Somewhere a bar, a value or the total is drawn; a label covers it only if there is no other place. */
    void data(Rectangle area) {
        data.add(area);
    }

    /** A cap line at {@code y}, which no other cap's label may cover. */
    void line(int y) {
        marks.add(new Rectangle(room.x, y - 1, room.width, 3));
    }

    /**
     * Draws {@code label} right-aligned beside the line at {@code y} in the current font: above the line, else below
     * it, as far right as is clear, on one line or else on two. Where only data is in the way it covers it haloed in
     * white; where even that fails, it goes above the line at the right.
     */
    void place(String label, int y, Color colour) {
        FontMetrics metrics = g.getFontMetrics();
        List<List<String>> layouts = new ArrayList<>(List.of(List.of(label)));
        twoLines(metrics, label).ifPresent(layouts::add);
        for (boolean overData : new boolean[] {false, true}) {
            for (List<String> lines : layouts) {
                Rectangle place = clearPlace(metrics, lines, y, overData);
                if (place != null) {
                    draw(metrics, lines, place, colour, overData);
                    return;
                }
            }
        }
        int width = metrics.stringWidth(label);
        int above = y - 3 - metrics.getHeight();
        Rectangle place = new Rectangle(room.x + room.width - width - 2, above >= room.y ? above : y + 4, width,
                metrics.getHeight());
        draw(metrics, List.of(label), place, colour, true);
    }

    /** The label broken at the space that makes its wider line narrowest, if it has a space. */
    private static Optional<List<String>> twoLines(FontMetrics metrics, String label) {
        List<String> best = null;
        int bestWidth = Integer.MAX_VALUE;
        for (int cut = label.indexOf(' '); cut > 0; cut = label.indexOf(' ', cut + 1)) {
            List<String> lines = List.of(label.substring(0, cut), label.substring(cut + 1));
            int width = Math.max(metrics.stringWidth(lines.get(0)), metrics.stringWidth(lines.get(1)));
            if (width < bestWidth) {
                best = lines;
                bestWidth = width;
            }
        }
        return Optional.ofNullable(best);
    }

    private Rectangle clearPlace(FontMetrics metrics, List<String> lines, int y, boolean overData) {
        int width = lines.stream().mapToInt(metrics::stringWidth).max().orElse(0);
        int height = lines.size() * metrics.getHeight();
        for (int top : new int[] {y - 3 - height, y + 4}) {
            for (int x = room.x + room.width - width - 2; x >= room.x + 2; x -= SLIDE) {
                Rectangle candidate = new Rectangle(x, top, width, height);
                Rectangle padded = new Rectangle(x - PADDING, top, width + 2 * PADDING, height);
                if (room.contains(candidate) && clearOf(marks, padded) && (overData || clearOf(data, padded))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static boolean clearOf(List<Rectangle> taken, Rectangle candidate) {
        return taken.stream().noneMatch(candidate::intersects);
    }

    private void draw(FontMetrics metrics, List<String> lines, Rectangle place, Color colour, boolean haloed) {
        marks.add(place);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int x = place.x + place.width - metrics.stringWidth(line);
            int baseline = place.y + metrics.getAscent() + i * metrics.getHeight();
            if (haloed) {
                drawHaloed(g, line, x, baseline, colour);
            } else {
                g.setColor(colour);
                g.drawString(line, x, baseline);
            }
        }
    }

    /** Text in the current font with a white rim, so it reads over lines and bars. */
    static void drawHaloed(Graphics2D g, String text, int x, int baseline, Color colour) {
        Shape glyphs = g.getFont().createGlyphVector(g.getFontRenderContext(), text).getOutline(x, baseline);
        Object before = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(HALO);
        g.setColor(Color.WHITE);
        g.draw(glyphs);
        g.setColor(colour);
        g.fill(glyphs);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, before);
    }
}
