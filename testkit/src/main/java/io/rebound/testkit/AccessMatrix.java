package io.rebound.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every caller against every endpoint of a service: each row is one call, made once with each caller's bearer token,
 * and lists the status each caller must get, in the callers' order. Any other status, and any error answered in
 * something other than problem+json, is a mismatch. The services' access tests share it; each makes its calls with
 * its own HTTP client.
 */
public final class AccessMatrix {

    private AccessMatrix() {
    }

    /** What one call answered. */
    public record Answer(int status, String contentType, String body) {
    }

    /**
     * @param name     how a mismatch names the call
     * @param call     makes the call with the given bearer token
     * @param expected the status each caller must get, in the callers' order
     */
    public record Row(String name, Function<String, Answer> call, int... expected) {
    }

    /** How many calls were made, and a line for each that did not answer as expected. */
    public record Result(int tried, List<String> mismatches) {
    }

    /** Makes every row's call with every caller's token (caller name to token, in column order). */
    public static Result check(Map<String, String> callers, List<Row> rows) {
        List<String> names = new ArrayList<>(callers.keySet());
        List<String> tokens = new ArrayList<>(callers.values());
        List<String> mismatches = new ArrayList<>();
        int tried = 0;
        for (Row row : rows) {
            if (row.expected().length != names.size()) {
                throw new IllegalArgumentException(row.name() + ": " + row.expected().length + " statuses for "
                        + names.size() + " callers");
            }
            for (int i = 0; i < names.size(); i++) {
                Answer answer = row.call().apply(tokens.get(i));
                tried++;
                if (answer.status() != row.expected()[i]) {
                    mismatches.add(names.get(i) + ", " + row.name() + ": " + answer.status() + " (expected "
                            + row.expected()[i] + ") " + answer.body());
                }
                if (answer.status() >= 400 && !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                    mismatches.add(names.get(i) + ", " + row.name() + ": " + answer.contentType() + " is not problem+json");
                }
            }
        }
        return new Result(tried, mismatches);
    }
}
