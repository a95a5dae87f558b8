package io.rebound.notification.chart;

import io.rebound.events.DistanceUnit;
import java.awt.Rectangle;
import java.util.List;

/**
 * Where each part of a {@link RunChart} lands in the image: the two plot areas, each day's slot in them and the
 * vertical scales. Shared by the renderer and its test, so the test can look at the pixels it means.
 */
final class ChartGeometry {

    static final int WIDTH = 600;
    static final int HEIGHT = 320;

    private static final int PANEL_WIDTH = WIDTH / 2;
    private static final int LEFT_MARGIN = 50;
    private static final int RIGHT_MARGIN = 16;
    private static final int PLOT_TOP = 84;
    private static final int PLOT_BOTTOM = HEIGHT - 34;
    private static final double BAR_SHARE = 0.64;
    // At least 0-2 in the runner's unit, so an empty window still has a scale and gridlines fall on halves at most.
    private static final double SMALLEST_SCALE_UNITS = 2;
    // Beyond this many units the labels stop meaning anything; the clamp keeps every sum and scale finite.
    private static final double LARGEST_SCALE_UNITS = 1e12;

    final Rectangle dailyPlot;
    final Rectangle totalPlot;
    final Scale dailyScale;
    final Scale totalScale;
    private final int firstDay;
    private final int days;
    private final double[] runningTotals;

    ChartGeometry(RunChart chart) {
        this.firstDay = chart.firstDay();
        this.days = chart.dailyRunMetres().size();
        this.dailyPlot = plotIn(0);
        this.totalPlot = plotIn(PANEL_WIDTH);
        this.runningTotals = runningTotals(chart.dailyRunMetres());
        double longest = chart.dailyRunMetres().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        this.dailyScale = Scale.covering(chart.unit(), longest, chart.singleRunCapMetres());
        this.totalScale = Scale.covering(chart.unit(), Math.max(total(), orZero(chart.volumeSoftCapMetres())),
                chart.volumeHardCapMetres());
    }

    private static Rectangle plotIn(int panelLeft) {
        return new Rectangle(panelLeft + LEFT_MARGIN, PLOT_TOP, PANEL_WIDTH - LEFT_MARGIN - RIGHT_MARGIN,
                PLOT_BOTTOM - PLOT_TOP);
    }

    private static double[] runningTotals(List<Double> daily) {
        double[] totals = new double[daily.size()];
        double sum = 0;
        for (int i = 0; i < totals.length; i++) {
            sum += daily.get(i);
            totals[i] = sum;
        }
        return totals;
    }

    private static double orZero(Double metres) {
        return metres == null ? 0 : metres;
    }

    int days() {
        return days;
    }

    /** The window's running total through {@code day}; the whole window's total for its last day. */
    double totalThrough(int day) {
        return runningTotals[day - firstDay];
    }

    double total() {
        return days == 0 ? 0 : runningTotals[days - 1];
    }

    /** The width of one day's slot, in pixels (fractional: slots need not fall on whole pixels). */
    double slotWidth() {
        return (double) dailyPlot.width / Math.max(days, 1);
    }

    /** The first pixel column of {@code day}'s bar in the daily plot. */
    int barX(int day) {
        double slot = slotWidth();
        return dailyPlot.x + (int) Math.round((day - firstDay) * slot + (slot - barWidth()) / 2.0);
    }

    int barWidth() {
        return (int) Math.max(1, Math.round(slotWidth() * BAR_SHARE));
    }

    /** The middle of {@code day}'s slot in the plot given (both plots have the same width). */
    int slotCenterX(Rectangle plot, int day) {
        return plot.x + (int) Math.round((day - firstDay + 0.5) * slotWidth());
    }

    /** The left edge of {@code day}'s slot in the plot given; {@code lastDay + 1} gives the plot's right edge. */
    int slotLeftX(Rectangle plot, int day) {
        return plot.x + (int) Math.round((day - firstDay) * slotWidth());
    }

    int dailyY(double metres) {
        return dailyScale.y(dailyPlot, metres);
    }

    int totalY(double metres) {
        return totalScale.y(totalPlot, metres);
    }

    /**
     * A vertical scale from 0 to {@code topMetres} with a gridline every {@code stepMetres}, both round numbers in the
     * runner's unit.
     */
    record Scale(DistanceUnit unit, double topMetres, double stepMetres) {

        private static final int TARGET_TICKS = 4;

        static Scale covering(DistanceUnit unit, double dataMetres, Double capMetres) {
            double highest = Math.max(unit.fromMetres(dataMetres), capMetres == null ? 0 : unit.fromMetres(capMetres));
            highest = Math.min(Math.max(highest, SMALLEST_SCALE_UNITS), LARGEST_SCALE_UNITS);
            double step = niceStep(highest / TARGET_TICKS);
            double top = Math.ceil(highest / step) * step;
            return new Scale(unit, unit.toMetres(top), unit.toMetres(step));
        }

        /** 1, 2, 2.5 or 5 times a power of ten, the smallest not below {@code raw}. */
        private static double niceStep(double raw) {
            double power = Math.pow(10, Math.floor(Math.log10(raw)));
            double fraction = raw / power;
            double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
            return nice * power;
        }

        int ticks() {
            return (int) Math.round(topMetres / stepMetres);
        }

        /** The pixel row of {@code metres}, kept inside the plot (a value off the scale sits on its edge). */
        int y(Rectangle plot, double metres) {
            double share = metres / topMetres;
            if (Double.isNaN(share) || share > 1) {
                share = 1;
            } else if (share < 0) {
                share = 0;
            }
            return plot.y + plot.height - (int) Math.round(share * plot.height);
        }
    }
}
