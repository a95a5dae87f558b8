package io.rebound.activity.provider.garmin;

import io.rebound.activity.provider.OAuthClient;
import io.rebound.activity.provider.ProviderAnswer;
import io.rebound.activity.provider.ProviderHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Asks Garmin to send a user's earlier activities ({@code GET /wellness-api/rest/backfill/activities} with
 * {@code summaryStartTimeInSeconds} and {@code summaryEndTimeInSeconds}). Garmin answers 202 and delivers the
 * activities later through the usual push; a window already asked for is a 409, which is as good as a 202 here.
 */
public final class GarminBackfill {

    /** The longest window Garmin's Activity API takes in one backfill request. */
    public static final Duration MAX_WINDOW = Duration.ofDays(30);

    private final URI api;
    private final ProviderHttp http;
    private final Clock clock;

    public GarminBackfill(URI api, ProviderHttp http, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ProviderAnswer<Void> request(String accessToken, Instant start, Instant end) {
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("a Garmin backfill window is at most " + MAX_WINDOW.toDays()
                    + " days, was " + start + " to " + end);
        }
        URI uri = ProviderHttp.under(api, "/wellness-api/rest/backfill/activities?summaryStartTimeInSeconds="
                + start.getEpochSecond() + "&summaryEndTimeInSeconds=" + end.getEpochSecond());
        HttpRequest request = ProviderHttp.withBearer(uri, accessToken).GET().build();
        ProviderAnswer<Void> answer = http.send(request, "garmin activity backfill",
                headers -> OAuthClient.retryAfter(headers, clock), response -> null);
        if (answer instanceof ProviderAnswer.Refused<Void> refused && refused.status() == 409) {
            return new ProviderAnswer.Ok<>(null);
        }
        return answer;
    }
}
