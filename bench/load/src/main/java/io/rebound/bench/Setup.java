package io.rebound.bench;

import io.rebound.infrastructure.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates what the workload needs through the services' own APIs, as a user would: a plan per runner in
 * plan-service, and a webhook link per runner in activity-service (the app's user id to the runner).
 */
final class Setup implements AutoCloseable {

    private static final int PARALLEL = 16;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** An operator's token from devstack's issuer: the set-up acts for every runner. */
    private final String token = Tokens.admin();
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);

    /** A plan whose race was two days ago in UTC: any run today is on day 1-3, the Rest phase, and so an OVERLOAD. */
    void plans(String planUrl, List<String> runners) throws Exception {
        LocalDate raceDate = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2);
        each(runners, runner -> post(planUrl + "/api/v1/plans", String.format(Locale.ROOT, "{\"runnerId\":\"%s\","
                + "\"raceDate\":\"%s\",\"timeZone\":\"UTC\",\"peakWeek\":{\"distance\":40,\"unit\":\"mi\"},"
                + "\"runner\":{\"name\":\"Runner %s\",\"email\":\"%s@runners.bench.example.org\"},"
                + "\"physicalTherapist\":{\"name\":\"PT %d\",\"email\":\"pt%d@clinic.bench.example.org\"}}",
                runner, raceDate, runner, runner, Math.floorMod(runner.hashCode(), 50), Math.floorMod(runner.hashCode(), 50))));
    }

    /** Links the webhook user {@code u-<runner>} to each runner. */
    void links(String activityUrl, List<String> runners) throws Exception {
        each(runners, runner -> post(activityUrl + "/api/v1/runners/" + runner + "/links",
                "{\"provider\":\"webhook\",\"providerUserId\":\"" + userOf(runner) + "\"}"));
    }

    static String userOf(String runner) {
        return "u-" + runner;
    }

    private void each(List<String> items, Post post) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<Void>> workers = new java.util.ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            workers.add(pool.submit(() -> {
                int index;
                while ((index = next.getAndIncrement()) < items.size()) {
                    post.to(items.get(index));
                }
                return null;
            }));
        }
        for (Future<Void> worker : workers) {
            worker.get();
        }
    }

    private void post(String url, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return;
            }
            if (response.statusCode() < 500 || attempt == 3) {
                throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(200L * attempt);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    @FunctionalInterface
    private interface Post {
        void to(String runner) throws IOException, InterruptedException;
    }
}
