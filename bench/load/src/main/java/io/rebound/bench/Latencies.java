package io.rebound.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one end-to-end measurement in milliseconds, with the ones that never arrived within the wait
 * counted as censored: a percentile that falls among them is reported as "more than the wait", not as a number.
 */
final class Latencies {

    private final Histogram histogram = new Histogram(OpenLoop.HIGHEST_MICROS / 1000, 3);
    private long missing;

    void record(long millis) {
        histogram.recordValue(Math.min(Math.max(millis, 0), OpenLoop.HIGHEST_MICROS / 1000));
    }

    void missing() {
        missing++;
    }

    long count() {
        return histogram.getTotalCount();
    }

    long missingCount() {
        return missing;
    }

    /** The percentile in ms, or null when it lies among the censored ones. */
    Long percentile(double p) {
        long total = histogram.getTotalCount() + missing;
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p / 100.0 * total);
        if (rank > histogram.getTotalCount()) {
            return null;
        }
        // The percentile of the measured ones that sits at the same rank of the whole population.
        double within = 100.0 * rank / histogram.getTotalCount();
        return histogram.getValueAtPercentile(Math.min(within, 100.0));
    }

    Map<String, Object> toJson(long waitedMillis) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", histogram.getTotalCount());
        json.put("missingAfterWait", missing);
        json.put("waitedMs", waitedMillis);
        json.put("p50Ms", percentile(50));
        json.put("p90Ms", percentile(90));
        json.put("p99Ms", percentile(99));
        json.put("maxMs", histogram.getTotalCount() == 0 ? null : histogram.getMaxValue());
        return json;
    }
}
