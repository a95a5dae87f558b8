package io.rebound.support.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts {@link RequestLimitFilter} in front of every route of the service, configured from
 * {@code rebound.http.rate-limit.*}, {@code rebound.http.max-json-body-size}, {@code rebound.http.max-uri-length}
 * and, for multipart uploads, {@code quarkus.http.limits.max-body-size} (docs/security.md).
 */
@ApplicationScoped
public class RequestLimits {

    /** Ahead of authentication and the REST layer, so refused requests cost next to nothing. */
    static final int PRIORITY = 500;

    private final RequestLimitFilter filter;

    public RequestLimits(
            @ConfigProperty(name = "rebound.http.rate-limit.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "rebound.http.rate-limit.api.requests-per-second", defaultValue = "100") double apiRate,
            @ConfigProperty(name = "rebound.http.rate-limit.api.burst", defaultValue = "200") int apiBurst,
            @ConfigProperty(name = "rebound.http.rate-limit.webhook.requests-per-second", defaultValue = "2000")
            double webhookRate,
            @ConfigProperty(name = "rebound.http.rate-limit.webhook.burst", defaultValue = "4000") int webhookBurst,
            @ConfigProperty(name = "rebound.http.rate-limit.max-sources", defaultValue = "10000") int maxSources,
            @ConfigProperty(name = "rebound.http.max-json-body-size", defaultValue = "256K") MemorySize maxJsonBody,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
            @ConfigProperty(name = "rebound.http.max-uri-length", defaultValue = "4096") int maxUriLength,
            MeterRegistry metrics, ObjectMapper json) {
        Map<RouteKind, TokenBuckets> limits = new EnumMap<>(RouteKind.class);
        if (enabled) {
            limits.put(RouteKind.API, new TokenBuckets(apiRate, apiBurst, maxSources, System::nanoTime));
            limits.put(RouteKind.WEBHOOK, new TokenBuckets(webhookRate, webhookBurst, maxSources, System::nanoTime));
        }
        this.filter = new RequestLimitFilter(limits, Math.min(maxJsonBody.asLongValue(),
                maxBody.asLongValue()), maxBody.asLongValue(), maxUriLength, metrics, json);
    }

    void register(@Observes Filters filters) {
        filters.register(filter, PRIORITY);
    }
}
