package io.rebound.support.http;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * What every service accepts over HTTP, under {@code rebound.http.*} (docs/security.md explains the limits). Read
 * while the JSON mapper is built, at static init, hence {@code @StaticInitSafe}.
 */
@StaticInitSafe
@ConfigMapping(prefix = "rebound.http")
public interface HttpConfig {

    /** The largest JSON body read, also when it comes without a length (chunked). */
    @WithDefault("256K")
    MemorySize maxJsonBodySize();

    /** The longest request target (path and query) answered with anything but 414. */
    @WithDefault("4096")
    int maxUriLength();

    RateLimit rateLimit();

    /** Requests per client address, one token bucket per address and kind of route. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** The most client addresses tracked at once (the least recently seen are forgotten). */
        @WithDefault("10000")
        int maxSources();

        /** Calls of /api. */
        @WithName("api.requests-per-second")
        @WithDefault("100")
        double apiRequestsPerSecond();

        @WithName("api.burst")
        @WithDefault("200")
        int apiBurst();

        /** Provider deliveries. */
        @WithName("webhook.requests-per-second")
        @WithDefault("2000")
        double webhookRequestsPerSecond();

        @WithName("webhook.burst")
        @WithDefault("4000")
        int webhookBurst();
    }
}
