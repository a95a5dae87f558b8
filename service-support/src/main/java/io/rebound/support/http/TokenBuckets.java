package io.rebound.support.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per source (a client address): {@code burst} requests at once, refilled at
 * {@code perSecond}. Memory is bounded: a bucket idle long enough to be full again holds nothing worth keeping and is
 * dropped when room is needed, and once {@code maxSources} busy sources are tracked, further new ones share a single
 * overflow bucket (limited together rather than not at all).
 */
public final class TokenBuckets {

    static final String OVERFLOW = "(too many sources)";

    private final double perSecond;
    private final double burst;
    private final int maxSources;
    private final LongSupplier nanoTime;
    private final long refillNanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, int burst, int maxSources, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1 || maxSources < 1) {
            throw new IllegalArgumentException("a rate limit needs requests-per-second > 0, burst >= 1 and"
                    + " max-sources >= 1 (got " + perSecond + ", " + burst + ", " + maxSources + ")");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxSources = maxSources;
        this.nanoTime = nanoTime;
        this.refillNanos = (long) Math.ceil(burst / perSecond * 1e9);
    }

    /**
     * Takes one request from the source's bucket.
     *
     * @return 0 when the request may go ahead, else the whole seconds (at least 1) until the bucket has one again
     */
    public long take(String source) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(source);
        if (bucket == null) {
            if (buckets.size() >= maxSources) {
                evictIdle(now);
            }
            bucket = buckets.size() < maxSources || buckets.containsKey(source)
                    ? buckets.computeIfAbsent(source, s -> new Bucket(burst, now))
                    : buckets.computeIfAbsent(OVERFLOW, s -> new Bucket(burst, now));
        }
        return bucket.take(now);
    }

    /** How many sources have a bucket now (for tests and a gauge). */
    public int tracked() {
        return buckets.size();
    }

    private void evictIdle(long now) {
        buckets.entrySet().removeIf(entry -> now - entry.getValue().lastUsed() >= refillNanos);
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;
        private volatile long lastUsed;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
            this.lastUsed = now;
        }

        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            lastUsed = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }

        long lastUsed() {
            return lastUsed;
        }
    }
}
