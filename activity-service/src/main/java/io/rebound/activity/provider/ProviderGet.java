package io.rebound.activity.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebound.activity.ingest.DeviceActivity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.function.Function;

/**
 * One authorised GET to a provider's API, its answer sorted into a {@link FetchResult}: 200 goes to the mapper,
 * 404 (and 204) is gone, 401 a refused token, 429 a rate limit, 5xx/408 and I/O errors passing, anything else final.
 */
public final class ProviderGet {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private ProviderGet() {
    }

    /**
     * @param what       names the resource in failure reasons, e.g. "strava activity 42"
     * @param retryAfter how long to wait after a 429, from the answer's headers
     * @param mapper     turns a 200 body into the result
     */
    public static FetchResult fetch(HttpClient http, URI uri, String accessToken, String what,
            Function<HttpHeaders, Duration> retryAfter, Function<String, FetchResult> mapper) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new FetchResult.TransientFailure("GET " + what + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.TransientFailure("GET " + what + " was interrupted");
        }
        int status = response.statusCode();
        if (status == 200) {
            return mapper.apply(response.body());
        }
        // 204 means the provider has nothing there any more: gone, like a 404.
        if (status == 404 || status == 204) {
            return new FetchResult.NotFound();
        }
        if (status == 401) {
            return new FetchResult.Unauthorized();
        }
        if (status == 429) {
            return new FetchResult.RateLimited(retryAfter.apply(response.headers()));
        }
        if (status >= 500 || status == 408) {
            return new FetchResult.TransientFailure("HTTP " + status + " for " + what);
        }
        return new FetchResult.Unprocessable("HTTP " + status + " for " + what + ", expected 200");
    }

    /** Maps a 200 body to a fetched activity; a body that cannot be mapped is final, named by {@code what}. */
    public static FetchResult mapped(String body, String what, Function<JsonNode, DeviceActivity> mapper) {
        try {
            return new FetchResult.Fetched(mapper.apply(ProviderJson.parseObject(body, what + " body")));
        } catch (IllegalArgumentException | DateTimeException e) {
            return new FetchResult.Unprocessable(what + ": " + e.getMessage());
        }
    }
}
