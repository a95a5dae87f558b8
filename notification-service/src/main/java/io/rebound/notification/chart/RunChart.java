package io.rebound.notification.chart;

import io.rebound.events.DistanceUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the chart in a runner's alert email shows: the running of each day of one phase window, that window's caps
 * and the day whose activity raised the alert. Distances are metres; {@code unit} only chooses how they are labelled.
 *
 * @param windowLabel the chart's heading, e.g. "Reintroduce, days 8-14"
 * @param firstDay the window's first plan day
 * @param lastDay the window's last plan day, inclusive ({@code firstDay - 1} for a window with no days)
 * @param dailyRunMetres the running distance of each day from {@code firstDay} to {@code lastDay}, 0 for a day
 *     without running
 * @param singleRunCapMetres the longest single run allowed in the window; null for no such cap, 0 when no running
 *     is allowed
 * @param volumeSoftCapMetres the window's total running distance past which a WARNING is raised; null for none
 * @param volumeHardCapMetres the window's total running distance past which an OVERLOAD is raised; null for none
 * @param unit the runner's unit for labels
 * @param alertDay the plan day of the activity that raised the alert; its bar is highlighted (a day outside the
 *     window highlights nothing)
 */
public record RunChart(String windowLabel, int firstDay, int lastDay, List<Double> dailyRunMetres,
        Double singleRunCapMetres, Double volumeSoftCapMetres, Double volumeHardCapMetres, DistanceUnit unit,
        int alertDay) {

    public RunChart {
        if (windowLabel == null) {
            throw new IllegalArgumentException("windowLabel is null, expected a heading such as \"Reintroduce, days 8-14\"");
        }
        if ((long) lastDay < (long) firstDay - 1) {
            throw new IllegalArgumentException("lastDay " + lastDay + " is before firstDay " + firstDay
                    + ", expected lastDay >= firstDay - 1");
        }
        if (dailyRunMetres == null) {
            throw new IllegalArgumentException("dailyRunMetres is null, expected one distance per day from day "
                    + firstDay + " to day " + lastDay);
        }
        long days = (long) lastDay - firstDay + 1;
        if (dailyRunMetres.size() != days) {
            throw new IllegalArgumentException("dailyRunMetres has " + dailyRunMetres.size() + " entries, expected "
                    + days + " (one per day from day " + firstDay + " to day " + lastDay + ")");
        }
        // Copied before checking, so a caller's list changed later can neither slip past the checks nor change the chart.
        List<Double> copy = new ArrayList<>(dailyRunMetres);
        for (int i = 0; i < copy.size(); i++) {
            requireDistance("dailyRunMetres[" + i + "] (day " + (firstDay + i) + ")", copy.get(i), false);
        }
        dailyRunMetres = Collections.unmodifiableList(copy);
        requireDistance("singleRunCapMetres", singleRunCapMetres, true);
        requireDistance("volumeSoftCapMetres", volumeSoftCapMetres, true);
        requireDistance("volumeHardCapMetres", volumeHardCapMetres, true);
        if (volumeSoftCapMetres != null && volumeHardCapMetres != null && volumeSoftCapMetres > volumeHardCapMetres) {
            throw new IllegalArgumentException("volumeSoftCapMetres is " + volumeSoftCapMetres
                    + ", expected at most volumeHardCapMetres " + volumeHardCapMetres);
        }
        if (unit == null) {
            throw new IllegalArgumentException("unit is null, expected km or mi");
        }
    }

    private static void requireDistance(String field, Double metres, boolean nullable) {
        if (metres == null) {
            if (nullable) {
                return;
            }
            throw new IllegalArgumentException(field + " is null, expected a distance >= 0 metres");
        }
        if (!Double.isFinite(metres) || metres < 0) {
            throw new IllegalArgumentException(field + " is " + metres + ", expected a finite distance >= 0 metres");
        }
    }
}
