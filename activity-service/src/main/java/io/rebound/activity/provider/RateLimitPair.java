package io.rebound.activity.provider;

import java.util.Optional;

/**
 * A rate-limit header of two figures, the short window's and then the long one's: Strava's {@code X-RateLimit-*}
 * ("200,2000": 15 minutes, then the day) and Polar's {@code RateLimit-*} ("500,5000": short term, then 24 hours).
 */
public final class RateLimitPair {

    private RateLimitPair() {
    }

    /** The two figures; empty when the header is not two whole numbers separated by a comma. */
    public static Optional<long[]> parse(String header) {
        String[] parts = header.split(",");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new long[] {Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim())});
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }
}
