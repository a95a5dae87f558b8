package io.rebound.activity;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * WireMock playing Strava's, Polar's and Garmin's APIs and OAuth token endpoints for activity-service's tests. Tests stub it through its admin API,
 * at the URL the service is configured with.
 */
public class ProviderApisResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        String base = "http://localhost:" + server.port();
        return Map.of("rebound.activity.strava.base-url", base, "rebound.activity.polar.base-url", base,
                "rebound.activity.polar.token-url", base + "/polar/v2/oauth2/token",
                "rebound.activity.garmin.token-url", base + "/garmin/di-oauth2-service/oauth/token",
                "rebound.activity.garmin.api-url", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
