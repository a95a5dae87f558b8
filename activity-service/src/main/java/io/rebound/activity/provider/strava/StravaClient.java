package io.rebound.activity.provider.strava;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.activity.provider.ProviderAnswer;
import io.rebound.activity.provider.ProviderHttp;
import io.rebound.activity.ingest.ActivityTimes;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.ProviderSports;
import io.rebound.activity.provider.FetchResult;
import io.rebound.activity.provider.ProviderGet;
import io.rebound.activity.provider.ProviderJson;
import io.rebound.activity.provider.RateLimitPair;
import io.rebound.activity.provider.RetryAfter;
import io.rebound.support.json.TreeReaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches one activity from the Strava API v3 ({@code GET /api/v3/activities/{id}}, a DetailedActivity) and maps
 * it onto a {@link DeviceActivity}.
 */
public final class StravaClient {

    /** Strava counts requests in 15-minute windows that start on the quarter hour. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(15);

    private static final ObjectMapper LIST_READER = TreeReaders.strictSyntax();


    private final URI baseUrl;
    private final HttpClient http;
    private final Clock clock;
    private final ActivityTimes times;

    /** @param baseUrl {@code https://www.strava.com} in production */
    public StravaClient(URI baseUrl, HttpClient http, Clock clock) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.times = new ActivityTimes(clock);
    }

    public FetchResult fetchActivity(String accessToken, long activityId) {
        Objects.requireNonNull(accessToken, "accessToken");
        return ProviderGet.fetch(http, activityUri(activityId), accessToken, "strava activity " + activityId,
                this::retryAfter, body -> map(activityId, body));
    }

    /**
     * One page of the athlete's activities started after {@code after} ({@code GET /api/v3/athlete/activities}):
     * their ids, each to be fetched as any notified activity is. A page shorter than {@code perPage} is the last.
     */
    public ProviderAnswer<List<Long>> listActivityIds(String accessToken, Instant after, int page, int perPage) {
        Objects.requireNonNull(accessToken, "accessToken");
        String base = baseUrl.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/api/v3/athlete/activities?after=" + after.getEpochSecond() + "&page=" + page
                + "&per_page=" + perPage);
        return new ProviderHttp(http).send(ProviderHttp.withBearer(uri, accessToken).GET().build(),
                "strava activity list page " + page, this::retryAfter, response -> ids(response.body()));
    }

    private static List<Long> ids(String body) {
        JsonNode list;
        try {
            list = LIST_READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("strava activity list is not JSON: " + e.getOriginalMessage());
        }
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("strava activity list is not a JSON array");
        }
        List<Long> ids = new ArrayList<>();
        list.forEach(activity -> ids.add(ProviderJson.requiredId(activity, "id")));
        return ids;
    }

    private URI activityUri(long activityId) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/v3/activities/" + activityId);
    }

    private FetchResult map(long activityId, String body) {
        return ProviderGet.mapped(body, "strava activity " + activityId, this::toDeviceActivity);
    }

    private DeviceActivity toDeviceActivity(JsonNode activity) {
        long id = ProviderJson.requiredLong(activity, "id");
        String sportType = ProviderJson.optionalText(activity, "sport_type")
                .or(() -> ProviderJson.optionalText(activity, "type"))
                .orElse(null);
        return new DeviceActivity(
                Provider.STRAVA,
                String.valueOf(id),
                ProviderSports.map(Provider.STRAVA, sportType),
                startTime(activity),
                durationSeconds(activity),
                ProviderJson.optionalNumber(activity, "distance").orElse(0.0),
                ProviderJson.optionalNumber(activity, "average_heartrate").map(bpm -> (int) Math.round(bpm)).orElse(null));
    }

    /** Moving time is what the runner did; elapsed time includes standing at lights and is only the fallback. */
    private static long durationSeconds(JsonNode activity) {
        return ProviderJson.optionalLong(activity, "moving_time").filter(seconds -> seconds > 0)
                .or(() -> ProviderJson.optionalLong(activity, "elapsed_time").filter(seconds -> seconds > 0))
                .orElseThrow(() -> new IllegalArgumentException(
                        "moving_time and elapsed_time are both missing or zero, expected seconds"));
    }

    /**
     * The start instant in the activity's own zone: Strava's {@code timezone} names it after the GMT label
     * ("(GMT-08:00) America/Los_Angeles"); the label is the standard offset, so the zone's rules give the offset
     * that was in force (daylight saving included). Without a known zone the local start says the offset.
     */
    private OffsetDateTime startTime(JsonNode activity) {
        String startDate = ProviderJson.requiredText(activity, "start_date");
        Instant start;
        try {
            start = Instant.parse(startDate);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "start_date '" + startDate + "' is not an ISO-8601 UTC instant like 2025-07-12T14:05:31Z");
        }
        ProviderJson.checkedTime(times, "start_date", start, startDate);
        Optional<ZoneId> zone = ProviderJson.optionalText(activity, "timezone").flatMap(StravaClient::zoneOf);
        if (zone.isPresent()) {
            return OffsetDateTime.ofInstant(start, zone.get());
        }
        return ProviderJson.optionalText(activity, "start_date_local")
                .flatMap(local -> offsetFromLocal(start, local))
                .map(start::atOffset)
                .orElse(start.atOffset(ZoneOffset.UTC));
    }

    private static Optional<ZoneId> zoneOf(String timezone) {
        String id = timezone.substring(timezone.lastIndexOf(' ') + 1);
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException unknownZone) {
            return Optional.empty();
        }
    }

    /** Strava writes the local start with a misleading "Z"; it is wall-clock time, so the Z is dropped. */
    private static Optional<ZoneOffset> offsetFromLocal(Instant start, String local) {
        try {
            String withoutZ = local.endsWith("Z") ? local.substring(0, local.length() - 1) : local;
            LocalDateTime wallClock = LocalDateTime.parse(withoutZ);
            long seconds = Duration.between(LocalDateTime.ofInstant(start, ZoneOffset.UTC), wallClock).getSeconds();
            return Optional.of(ZoneOffset.ofTotalSeconds(Math.toIntExact(seconds)));
        } catch (DateTimeException | ArithmeticException unusable) {
            return Optional.empty();
        }
    }

    /**
     * Retry-After when Strava sends one; otherwise the next midnight UTC when the daily limit is spent (the second
     * of X-RateLimit-Usage / X-RateLimit-Limit), else the start of the next 15-minute window.
     */
    private Duration retryAfter(HttpHeaders headers) {
        Instant now = clock.instant();
        Optional<Duration> asked = headers.firstValue("Retry-After").flatMap(value -> RetryAfter.parse(value, now));
        if (asked.isPresent()) {
            return asked.get();
        }
        if (dailyLimitSpent(headers)) {
            Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            return Duration.between(now, midnight);
        }
        long window = RATE_WINDOW.toMillis();
        long nowMillis = now.toEpochMilli();
        long nextWindow = Math.floorDiv(nowMillis, window) * window + window;
        return Duration.ofMillis(nextWindow - nowMillis);
    }

    private static boolean dailyLimitSpent(HttpHeaders headers) {
        Optional<long[]> limit = headers.firstValue("X-RateLimit-Limit").flatMap(RateLimitPair::parse);
        Optional<long[]> usage = headers.firstValue("X-RateLimit-Usage").flatMap(RateLimitPair::parse);
        return limit.isPresent() && usage.isPresent() && usage.get()[1] >= limit.get()[1];
    }
}
