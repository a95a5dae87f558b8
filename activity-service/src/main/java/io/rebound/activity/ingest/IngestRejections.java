package io.rebound.activity.ingest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts every 4xx answer to a way in (the API's POST and PUT, file uploads, each webhook) as a rejected activity of
 * that provider: refusals come from validation, signatures, size and media-type checks and the JSON reader alike,
 * and this is the one place they all pass.
 */
public class IngestRejections {

    private static final Map<Pattern, Provider> WAYS_IN = Map.of(
            Pattern.compile("POST /api/v1/activities/?"), Provider.API,
            Pattern.compile("PUT /api/v1/runners/[^/]+/activities/[^/]+/?"), Provider.API,
            Pattern.compile("POST /api/v1/runners/[^/]+/activities/files/?"), Provider.FILE,
            Pattern.compile("POST /api/v1/webhooks/garmin(/[^/]*)?/?"), Provider.GARMIN,
            Pattern.compile("POST /api/v1/webhooks/strava/?"), Provider.STRAVA,
            Pattern.compile("POST /api/v1/webhooks/polar/?"), Provider.POLAR,
            Pattern.compile("POST /api/v1/webhooks/generic/?"), Provider.WEBHOOK);

    private final IngestMetrics metrics;

    public IngestRejections(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500) {
            return;
        }
        String call = request.getMethod() + " " + request.getUriInfo().getPath();
        WAYS_IN.forEach((pattern, provider) -> {
            if (pattern.matcher(call).matches()) {
                metrics.counted(provider, IngestMetrics.REJECTED);
            }
        });
    }
}
