package io.rebound.testkit;

import java.util.Map;

/** Reads one sample out of a Prometheus scrape ({@code /q/metrics}), for tests that check a metric moved. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of the sample {@code name} whose labels include all of {@code labels}; 0 when there is none (a
     * counter not yet registered). More than one match is a test's mistake and fails.
     */
    public static double value(String scrape, String name, Map<String, String> labels) {
        Double found = null;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            // The labels end at the first '}'; an exemplar ("# {trace_id=...} 1.0") may follow the value.
            int close = line.startsWith(name + "{") ? line.indexOf('}') : -1;
            String labelPart = close < 0 ? "" : line.substring(name.length() + 1, close);
            boolean all = labels.entrySet().stream()
                    .allMatch(label -> labelPart.contains(label.getKey() + "=\"" + label.getValue() + "\""));
            if (!all) {
                continue;
            }
            if (found != null) {
                throw new IllegalArgumentException("more than one sample of " + name + " has labels " + labels);
            }
            String rest = line.substring(close < 0 ? name.length() : close + 1).trim();
            found = Double.parseDouble(rest.split(" ")[0]);
        }
        return found == null ? 0 : found;
    }

    /** True when the scrape has any sample of {@code name}. */
    public static boolean has(String scrape, String name) {
        return scrape.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }
}
