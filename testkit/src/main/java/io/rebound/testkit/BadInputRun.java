package io.rebound.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends bad requests to a running service and checks each was refused cleanly: a 4xx other than 429, as
 * {@code application/problem+json}, naming the field at fault when there is one; the service still ready; and not one
 * row more in any table of its database (the outbox and inbox included). Failures are collected, so one run shows
 * every case that got through; {@link #finish()} prints the count and fails if any did.
 */
public final class BadInputRun implements AutoCloseable {

    private static final HttpClient GOOD = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String service;
    private final URI base;
    private final Connection database;
    private final List<String> tables;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> failures = new ArrayList<>();
    private int tried;

    /**
     * @param base the service's root URL
     * @param jdbcUrl its database, as in {@code quarkus.datasource.jdbc.url}
     */
    public BadInputRun(String service, URI base, String jdbcUrl, String user, String password) throws SQLException {
        this.service = service;
        this.base = base;
        this.database = DriverManager.getConnection(jdbcUrl, user, password);
        List<String> names = new ArrayList<>();
        try (Statement statement = database.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                        + " AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no tables in " + jdbcUrl + ": is the service migrated?");
        }
        this.tables = List.copyOf(names);
    }

    /**
     * A request of the table: its method, path, headers and body (null: none), sent with its length or, when
     * {@code chunked}, without one (HTTP/1.1 chunked transfer coding).
     */
    public record Request(String method, String path, Map<String, String> headers, byte[] body, boolean chunked) {

        public Request(String method, String path, Map<String, String> headers, byte[] body) {
            this(method, path, headers, body, false);
        }

        /** A JSON body sent without a length, as a client streaming it would. */
        public static Request chunked(String method, String path, String body, Map<String, String> headers) {
            Request json = json(method, path, body, headers);
            return new Request(method, path, json.headers(), json.body(), true);
        }

        public static Request json(String method, String path, String body, Map<String, String> headers) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putIfAbsent("Content-Type", "application/json");
            return new Request(method, path, all, body.getBytes(StandardCharsets.UTF_8));
        }

        public static Request of(String method, String path, Map<String, String> headers) {
            return new Request(method, path, headers, null);
        }
    }

    /** Waits until no table grows for two seconds running, so background work of earlier tests is not blamed here. */
    public void awaitQuiet(Duration atMost) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        Map<String, Long> before = counts();
        Instant stableSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            Map<String, Long> now = counts();
            if (!now.equals(before)) {
                before = now;
                stableSince = Instant.now();
            } else if (Duration.between(stableSince, Instant.now()).compareTo(Duration.ofSeconds(2)) >= 0) {
                return;
            }
        }
        throw new IllegalStateException(service + "'s tables kept changing for " + atMost + ": " + before);
    }

    /** Sends one bad request and records whatever about the answer is not a clean refusal. */
    public void refused(BadInput.Case bad, Request request) throws Exception {
        refusedAs("application/problem+json", bad, request);
    }

    /** As {@link #refused}, for a page meant for people (a browser's link) whose refusal is not problem+json. */
    public void refusedAs(String contentType, BadInput.Case bad, Request request) throws Exception {
        tried++;
        Map<String, Long> before = counts();
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path())).timeout(Duration.ofSeconds(30))
                .method(request.method(), publisher(request));
        request.headers().forEach(builder::header);
        String label = request.method() + " " + shortened(request.path()) + (request.chunked() ? " (chunked)" : "")
                + " [" + bad.name() + "]";
        HttpResponse<String> answer;
        try {
            answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            failures.add(label + ": no answer (" + e + ")");
            return;
        }
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        List<String> wrong = new ArrayList<>();
        if (status < 400 || status > 499 || status == 429) {
            wrong.add("status " + status);
        }
        if (!type.startsWith(contentType)) {
            wrong.add("Content-Type '" + type + "'");
        }
        if (bad.field() != null && !answer.body().contains(leaf(bad.field()))) {
            wrong.add("the problem does not name " + bad.field());
        }
        Map<String, Long> after = counts();
        String grown = before.keySet().stream().filter(table -> after.get(table) > before.get(table))
                .map(table -> table + " " + before.get(table) + " -> " + after.get(table))
                .collect(Collectors.joining(", "));
        if (!grown.isEmpty()) {
            wrong.add("rows written: " + grown);
        }
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() != 200 || !ready.body().contains("UP")) {
            wrong.add("then /q/health/ready said " + ready.statusCode() + " " + ready.body());
        }
        if (!wrong.isEmpty()) {
            failures.add(label + ": " + String.join("; ", wrong) + " -- " + shortened(answer.body()));
        }
    }

    /**
     * Sends a good request, which the service must accept (2xx; else an {@link AssertionError}), so each table of bad
     * cases is known to differ from an accepted request only in what it breaks. Answers the response body.
     */
    public static String accepted(URI base, Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path())).timeout(Duration.ofSeconds(30))
                .method(request.method(), publisher(request));
        request.headers().forEach(builder::header);
        HttpResponse<String> answer = GOOD.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() / 100 != 2) {
            throw new AssertionError("the good " + request.method() + " " + request.path() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The body as is; a chunked one from a stream, whose length the client does not know and so does not send. */
    private static HttpRequest.BodyPublisher publisher(Request request) {
        if (request.body() == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return request.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
    }

    /** Prints the count; throws {@link AssertionError} listing every case not refused cleanly. */
    public void finish() {
        if (!failures.isEmpty()) {
            System.out.println("bad-input: " + service + " tried " + tried + " cases, " + failures.size()
                    + " NOT refused cleanly");
            throw new AssertionError(failures.size() + " of " + tried + " bad requests to " + service
                    + " were not refused cleanly:\n  " + String.join("\n  ", failures));
        }
        System.out.println("bad-input: " + service + " tried " + tried + " cases, all refused cleanly");
    }

    public int tried() {
        return tried;
    }

    @Override
    public void close() throws SQLException {
        database.close();
    }

    private Map<String, Long> counts() throws SQLException {
        String query = tables.stream().map(table -> "(SELECT count(*) FROM \"" + table + "\")")
                .collect(Collectors.joining(", ", "SELECT ", ""));
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = database.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            for (int i = 0; i < tables.size(); i++) {
                counts.put(tables.get(i), row.getLong(i + 1));
            }
        }
        return counts;
    }

    private static String leaf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    private static String shortened(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
