package io.rebound.web.client;

import java.util.List;

/**
 * An alert's window day by day (the {@code running} of OverloadAlertRaised): the running of each plan day against
 * the window's caps. Distances in metres; a null cap is no cap, a single-run cap of 0 means no running yet.
 */
public record WindowRunning(
        int firstDay,
        int lastDay,
        List<Double> dailyRunMetres,
        Double singleRunCapMetres,
        Double volumeSoftCapMetres,
        Double volumeHardCapMetres) {
}
