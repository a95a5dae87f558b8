package io.rebound.activity.provider;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Sends one request to a provider and sorts the answer into a {@link ProviderAnswer}. Blocking: call off the event loop. */
public final class ProviderHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;

    public ProviderHttp(HttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    public static ProviderHttp create() {
        return new ProviderHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** An {@code application/x-www-form-urlencoded} POST; null values are left out. */
    public static HttpRequest.Builder formPost(URI uri, Map<String, String> fields) {
        String body = new LinkedHashMap<>(fields).entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    public static HttpRequest.Builder withBearer(URI uri, String accessToken) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
    }

    public static String basic(String clientId, String clientSecret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** {@code path} below {@code base}, whatever slashes the base ends with. */
    public static URI under(URI base, String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * @param what       names the call in reasons, e.g. "strava token exchange"
     * @param retryAfter how long to wait after a 429, from the answer's headers
     * @param mapper     turns a 2xx answer into the value; an {@link IllegalArgumentException} from it means the
     *                   provider answered something we cannot read
     */
    public <T> ProviderAnswer<T> send(HttpRequest request, String what, Function<HttpHeaders, Duration> retryAfter,
            Function<HttpResponse<String>, T> mapper) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new ProviderAnswer.Unavailable<>(what + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProviderAnswer.Unavailable<>(what + " was interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return new ProviderAnswer.Ok<>(mapper.apply(response));
            } catch (IllegalArgumentException unreadable) {
                return new ProviderAnswer.Unavailable<>(what + ": unreadable answer: " + unreadable.getMessage());
            }
        }
        if (status == 429) {
            return new ProviderAnswer.RateLimited<>(retryAfter.apply(response.headers()));
        }
        if (status >= 500 || status == 408) {
            return new ProviderAnswer.Unavailable<>(what + ": HTTP " + status);
        }
        return new ProviderAnswer.Refused<>(status, abbreviate(response.body()));
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
