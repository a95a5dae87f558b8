package io.rebound.activity.files;

import java.time.Instant;
import java.util.List;

/**
 * Moving time and distance of a recorded track, the way watches and Strava count them: pauses left out. A GPX
 * file has no timer, only its points' times, so the pauses are found in the points:
 * <ul>
 *   <li>the time between track segments is not counted (a new segment is how GPX marks a stop and restart);</li>
 *   <li>a step between two points made slower than {@value #MIN_SPEED} m/s is a pause (a watch on auto-pause
 *       records no points, so its pause is one long, short step);</li>
 *   <li>a stretch of at least {@value #STOP_SECONDS} s in which every point stays within {@value #STOP_RADIUS} m of
 *       the stretch's first point is a stop (standing at a crossing: GPS noise makes each single step look like
 *       movement, the stretch as a whole does not).</li>
 * </ul>
 * Neither the time nor the distance of a pause counts. A track that never moves (an indoor recording at one
 * position) has no pauses to find: its moving time is its elapsed time.
 */
final class MovingTime {

    /** Metres per second below which a step is a pause: 0.72 km/h, slower than a steep climb on foot. */
    static final double MIN_SPEED = 0.2;
    /** Metres from a stretch's first point within which GPS noise is taken for standing still. */
    static final double STOP_RADIUS = 8.0;
    /** Seconds a stretch within {@link #STOP_RADIUS} must last to be a stop. */
    static final long STOP_SECONDS = 30;

    /** A track point with its time. */
    record Point(Instant time, double latitude, double longitude) {
    }

    /** What a track adds up to: moving seconds and metres, and the seconds from its first point to its last. */
    record Totals(double movingSeconds, double movingMetres, double elapsedSeconds) {
    }

    private MovingTime() {
    }

    /** @param segments the track's segments in recording order, each with its points in recording order */
    static Totals of(List<List<Point>> segments) {
        double seconds = 0;
        double metres = 0;
        double allMetres = 0;
        Instant first = null;
        Instant last = null;
        for (List<Point> points : segments) {
            if (points.isEmpty()) {
                continue;
            }
            first = first == null ? points.get(0).time() : first;
            last = points.get(points.size() - 1).time();
            int steps = points.size() - 1;
            double[] stepMetres = new double[Math.max(steps, 0)];
            boolean[] paused = new boolean[Math.max(steps, 0)];
            for (int k = 0; k < steps; k++) {
                stepMetres[k] = distance(points.get(k), points.get(k + 1));
                double stepSeconds = secondsBetween(points.get(k), points.get(k + 1));
                paused[k] = stepSeconds > 0 && stepMetres[k] / stepSeconds < MIN_SPEED;
            }
            markStops(points, paused);
            for (int k = 0; k < steps; k++) {
                allMetres += stepMetres[k];
                if (!paused[k]) {
                    seconds += Math.max(0, secondsBetween(points.get(k), points.get(k + 1)));
                    metres += stepMetres[k];
                }
            }
        }
        double elapsed = first == null ? 0 : Math.max(0, secondsBetween(first, last));
        if (seconds == 0) {
            return new Totals(elapsed, allMetres, elapsed);
        }
        return new Totals(seconds, metres, elapsed);
    }

    /** Marks every step inside a stretch that stays within {@link #STOP_RADIUS} of its first point for {@link #STOP_SECONDS}. */
    private static void markStops(List<Point> points, boolean[] paused) {
        int i = 0;
        while (i < points.size() - 1) {
            Point anchor = points.get(i);
            int j = i;
            while (j + 1 < points.size() && distance(anchor, points.get(j + 1)) <= STOP_RADIUS) {
                j++;
            }
            if (secondsBetween(anchor, points.get(j)) >= STOP_SECONDS) {
                for (int k = i; k < j; k++) {
                    paused[k] = true;
                }
                i = j;
            } else {
                i++;
            }
        }
    }

    private static double distance(Point a, Point b) {
        return GreatCircle.metres(a.latitude(), a.longitude(), b.latitude(), b.longitude());
    }

    private static double secondsBetween(Point a, Point b) {
        return secondsBetween(a.time(), b.time());
    }

    private static double secondsBetween(Instant a, Instant b) {
        return (b.toEpochMilli() - a.toEpochMilli()) / 1000.0;
    }
}
