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
 * Puts {@link RequestLimitFilter} in front of every route of the service, configured from {@link HttpConfig} and, for multipart uploads, {@code quarkus.http.limits.max-body-size} (docs/security.md).
 */
@ApplicationScoped
public class RequestLimits {

    /** Ahead of authentication and the REST layer, so refused requests cost next to nothing. */
    static final int PRIORITY = 500;

    private final RequestLimitFilter filter;

    public RequestLimits(HttpConfig http,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
            MeterRegistry metrics, ObjectMapper json) {
        HttpConfig.RateLimit rate = http.rateLimit();
        Map<RouteKind, TokenBuckets> limits = new EnumMap<>(RouteKind.class);
        if (rate.enabled()) {
            limits.put(RouteKind.API, new TokenBuckets(rate.apiRequestsPerSecond(), rate.apiBurst(), rate.maxSources(),
                    System::nanoTime));
            limits.put(RouteKind.WEBHOOK, new TokenBuckets(rate.webhookRequestsPerSecond(), rate.webhookBurst(),
                    rate.maxSources(), System::nanoTime));
        }
        this.filter = new RequestLimitFilter(limits, Math.min(http.maxJsonBodySize().asLongValue(),
                maxBody.asLongValue()), maxBody.asLongValue(), http.maxUriLength(), metrics, json);
    }

    void register(@Observes Filters filters) {
        filters.register(filter, PRIORITY);
    }
}
