package io.rebound.activity.provider.polar;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebound.activity.ingest.ActivityTimes;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.ProviderSports;
import io.rebound.activity.provider.FetchResult;
import io.rebound.activity.provider.ProviderGet;
import io.rebound.activity.provider.ProviderJson;
import io.rebound.activity.provider.RateLimitPair;
import io.rebound.activity.provider.RetryAfter;
import io.rebound.events.Sport;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches one exercise from Polar AccessLink at the url its webhook event named and maps it onto a
 * {@link DeviceActivity}.
 */
public final class PolarClient {

    /** AccessLink's short-term rate limit window, the wait when a 429 says nothing else. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(15);


    private final URI baseUrl;
    private final HttpClient http;
    private final Clock clock;
    private final ActivityTimes times;

    /** @param baseUrl {@code https://www.polaraccesslink.com} in production; only urls under it are fetched */
    public PolarClient(URI baseUrl, HttpClient http) {
        this(baseUrl, http, Clock.systemUTC());
    }

    public PolarClient(URI baseUrl, HttpClient http, Clock clock) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "baseUrl '" + baseUrl + "' must be absolute, like https://www.polaraccesslink.com");
        }
        this.baseUrl = baseUrl.normalize();
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.times = new ActivityTimes(clock);
    }

    /**
     * GETs the exercise at {@code url} with the runner's token.
     *
     * @throws IllegalArgumentException when {@code url} is not under the base url: it comes from a request body,
     *                                  and following it anywhere would let a forged event aim this service (and
     *                                  the runner's token) at any host
     */
    public FetchResult fetchExercise(String accessToken, String url) {
        Objects.requireNonNull(accessToken, "accessToken");
        URI exercise = underBase(baseUrl, url);
        return ProviderGet.fetch(http, exercise, accessToken, "polar exercise " + exercise, this::retryAfter,
                body -> map(exercise, body));
    }

    /**
     * {@code url} as a URI when it is under {@code baseUrl} (same scheme, host and port, below its path, no user
     * info, fragment or dot segments); else an {@link IllegalArgumentException} saying why.
     */
    public static URI underBase(URI baseUrl, String url) {
        if (url == null) {
            throw new IllegalArgumentException("exercise url is missing, expected one under " + baseUrl);
        }
        URI candidate;
        try {
            candidate = new URI(url).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("exercise url '" + url + "' is not a URI, expected one under " + baseUrl);
        }
        String basePath = Optional.ofNullable(baseUrl.getRawPath()).orElse("");
        String requiredPrefix = basePath.endsWith("/") ? basePath : basePath + "/";
        boolean inside = candidate.isAbsolute()
                && candidate.getRawUserInfo() == null
                && candidate.getRawFragment() == null
                && candidate.getHost() != null
                && baseUrl.getScheme().equalsIgnoreCase(candidate.getScheme())
                && baseUrl.getHost().equalsIgnoreCase(candidate.getHost())
                && port(baseUrl) == port(candidate)
                && candidate.getRawPath() != null
                && candidate.getRawPath().startsWith(requiredPrefix)
                && noDotSegments(candidate.getPath());
        if (!inside) {
            throw new IllegalArgumentException("exercise url '" + url + "' is not under " + baseUrl + ", refused");
        }
        return candidate;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    /** Encoded dots ("%2e%2e") survive URI normalisation but a server may still resolve them upwards. */
    private static boolean noDotSegments(String decodedPath) {
        return Arrays.stream(decodedPath.split("/")).noneMatch(segment -> segment.equals("..") || segment.equals("."));
    }

    private FetchResult map(URI exercise, String body) {
        return ProviderGet.mapped(body, "polar exercise " + exercise, this::toDeviceActivity);
    }

    private DeviceActivity toDeviceActivity(JsonNode exercise) {
        return new DeviceActivity(
                Provider.POLAR,
                ProviderJson.requiredText(exercise, "id"),
                sport(exercise),
                startTime(exercise),
                durationSeconds(exercise),
                ProviderJson.optionalNumber(exercise, "distance").orElse(0.0),
                ProviderJson.optionalNumber(exercise.path("heart_rate"), "average").map(bpm -> (int) Math.round(bpm)).orElse(null));
    }

    /** detailed_sport_info tells a trail run from a road run; sport alone is the fallback for unlisted details. */
    private static Sport sport(JsonNode exercise) {
        Sport detailed = ProviderJson.optionalText(exercise, "detailed_sport_info")
                .map(info -> ProviderSports.map(Provider.POLAR, info.toLowerCase(Locale.ROOT)))
                .orElse(Sport.OTHER);
        if (detailed != Sport.OTHER) {
            return detailed;
        }
        return ProviderJson.optionalText(exercise, "sport")
                .map(sport -> ProviderSports.map(Provider.POLAR, sport.toLowerCase(Locale.ROOT)))
                .orElse(Sport.OTHER);
    }

    /** start_time is the watch's wall clock; start_time_utc_offset (minutes) says where that clock was. */
    private OffsetDateTime startTime(JsonNode exercise) {
        String startTime = ProviderJson.requiredText(exercise, "start_time");
        LocalDateTime wallClock;
        try {
            wallClock = LocalDateTime.parse(startTime);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "start_time '" + startTime + "' is not a local ISO-8601 date-time like 2025-07-12T16:05:31");
        }
        Optional<Long> minutes = ProviderJson.optionalLong(exercise, "start_time_utc_offset");
        if (minutes.isPresent() && Math.abs(minutes.get()) > 18 * 60) {
            throw new IllegalArgumentException(
                    "start_time_utc_offset " + minutes.get() + " is out of range, expected minutes within ±1080");
        }
        OffsetDateTime start = wallClock.atOffset(minutes.isEmpty() ? ZoneOffset.UTC
                : ZoneOffset.ofTotalSeconds(Math.toIntExact(minutes.get() * 60)));
        return ProviderJson.checkedTime(times, "start_time", start.toInstant(), start);
    }

    private static long durationSeconds(JsonNode exercise) {
        String duration = ProviderJson.requiredText(exercise, "duration");
        try {
            return Math.round(Duration.parse(duration).toMillis() / 1000.0);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "duration '" + duration + "' is not an ISO-8601 duration like PT1H2M3S");
        }
    }

    /**
     * Retry-After when sent; else AccessLink's RateLimit-Reset (seconds; short-term, then long-term), the long-term
     * one when RateLimit-Usage shows the 24-hour limit spent; else one short-term window.
     */
    private Duration retryAfter(HttpHeaders headers) {
        Optional<Duration> asked = headers.firstValue("Retry-After")
                .flatMap(value -> RetryAfter.parse(value, clock.instant()));
        if (asked.isPresent()) {
            return asked.get();
        }
        Optional<long[]> reset = headers.firstValue("RateLimit-Reset").flatMap(RateLimitPair::parse);
        if (reset.isEmpty()) {
            return RATE_WINDOW;
        }
        Optional<long[]> usage = headers.firstValue("RateLimit-Usage").flatMap(RateLimitPair::parse);
        Optional<long[]> limit = headers.firstValue("RateLimit-Limit").flatMap(RateLimitPair::parse);
        boolean longTermSpent = usage.isPresent() && limit.isPresent() && usage.get()[1] >= limit.get()[1];
        return Duration.ofSeconds(Math.max(0, reset.get()[longTermSpent ? 1 : 0]));
    }
}
