package io.rebound.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rebound.testkit.InfraAvailable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad requests generated from the three services' own OpenAPI documents, against the whole running system
 * ({@link SharedSystem}). Each case is a good request for an operation (built from its schema, with the owner's real
 * Keycloak token, or the webhook's valid signature or secret) with one thing broken, drawn from a seeded random source (fixed by default):
 * a field of the wrong JSON type, a required field missing or null, a duplicated key, a C1 control or NUL in a string,
 * a number or length out of range, an enum value padded, a device time in 2090 or before 2000, malformed JSON, the
 * wrong or no Content-Type, a 10,000-character or blank path id or query, no or another person's token, a webhook not
 * signed as its provider signs. A bad request must never be answered 2xx or 5xx, every 4xx must be
 * {@code application/problem+json} with the same status inside, and no table of any service's database may change
 * (row count and newest row version per table, so an update shows as well as an insert or a delete).
 *
 * <p>Every case runs, one after the other; what was not refused cleanly is gathered and listed once at the end, one
 * line per operation, break and answer, so one run shows everything it found.
 */
@ExtendWith({InfraAvailable.class, SharedSystem.class})
class BadInputFuzzIT {

    /** The seed of every run unless {@code -Drebound.fuzz.seed=...} names another: the same seed sends the same cases. */
    static final long SEED = Long.getLong("rebound.fuzz.seed", 20261207L);
    static final int CASES = Integer.getInteger("rebound.fuzz.cases", 1000);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String LONG = "a".repeat(10_000);
    private static final long YEAR_2090 = OffsetDateTime.of(2090, 6, 1, 7, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();
    private static final long YEAR_1999 = OffsetDateTime.of(1999, 6, 1, 7, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();

    private static RunningSystem system;
    private static Runner runner;
    private static Runner stranger;
    private static String ptId;
    private static String activityId;
    private static String alertId;
    private static String garminUser;
    private static long stravaAthlete;
    private static long polarUser;
    private static List<ApiOperations.Operation> operations;
    private static Tables tables;
    private static int tried;
    private static Instant started;
    private static Duration preparing = Duration.ZERO;
    /** What was not refused cleanly: the kind of failure, with how often and one example. */
    private static final Map<String, List<String>> failures = new TreeMap<>();

    @BeforeAll
    static void prepare() throws Exception {
        system = SharedSystem.get();
        runner = Runner.create("fuzz");
        stranger = Runner.create("fuzzother");
        ptId = "pt-" + runner.id();
        runner.createPlan(system, LocalDate.now(Runner.ZONE).minusDays(2), ptId);
        runner.linkWebhookUser(system);
        garminUser = "g-" + runner.id();
        stravaAthlete = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L);
        polarUser = ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L);
        link("garmin", garminUser, null);
        link("strava", Long.toString(stravaAthlete), "fuzz-strava-token");
        link("polar", Long.toString(polarUser), "fuzz-polar-token");
        HttpResponse<String> run = RestClient.postJson(system.activity().baseUrl() + "/api/v1/activities",
                runner.fiveKilometreRunToday(), system.runnerToken(runner.id()));
        if (run.statusCode() / 100 != 2) {
            throw new IllegalStateException("the good activity answered " + run.statusCode() + ": " + run.body());
        }
        activityId = JSON.readTree(run.body()).path("activityId").asText();
        // A run in the Rest phase raises an OVERLOAD: the alert the alert operations name.
        Instant deadline = Instant.now().plusSeconds(90);
        while (alertId == null && Instant.now().isBefore(deadline)) {
            JsonNode alerts = JSON.readTree(RestClient.get(system.plan().baseUrl() + "/api/v1/alerts?runnerId=" + runner.id(),
                    system.ptToken(ptId)).body());
            for (JsonNode alert : alerts.path("alerts")) {
                alertId = alert.path("alertId").asText(null);
            }
            Thread.sleep(500);
        }
        if (alertId == null) {
            throw new IllegalStateException("the run raised no alert within 90 s");
        }
        operations = new ArrayList<>();
        operations.addAll(ApiOperations.read("activity", ApiOperations.document(system.activity()), BadInputFuzzIT::goodValue));
        operations.addAll(ApiOperations.read("plan", ApiOperations.document(system.plan()), BadInputFuzzIT::goodValue));
        operations.addAll(ApiOperations.read("notification", ApiOperations.document(system.notification()),
                BadInputFuzzIT::goodValue));
        operations.replaceAll(BadInputFuzzIT::withWebhookBody);
        tables = new Tables(system);
        tables.awaitQuiet(Duration.ofSeconds(90));
        preparing = tables.waited;
        System.out.printf("bad-input fuzz: %d operations: %s%n", operations.size(),
                operations.stream().map(ApiOperations.Operation::label).collect(Collectors.joining(", ")));
    }

    @Test
    void everyBadRequestIsRefusedCleanlyAndWritesNothing() throws Exception {
        List<Case> all = new ArrayList<>();
        for (ApiOperations.Operation operation : operations) {
            mutations(operation).forEach(mutation -> all.add(new Case(operation, mutation)));
        }
        // Every break of every operation equally likely, so a body with many fields gets as many cases as it has
        // breaks; the variant picks one of the kind's ways to break (each kind takes it modulo its own list).
        SplittableRandom random = new SplittableRandom(SEED);
        Map<Kind, Integer> perKind = new EnumMap<>(Kind.class);
        started = Instant.now();
        for (tried = 0; tried < CASES; tried++) {
            Case drawn = all.get(random.nextInt(all.size()));
            Case bad = new Case(drawn.operation(), drawn.mutation().with(random.nextInt(1_000_001)));
            perKind.merge(bad.mutation().kind(), 1, Integer::sum);
            check(bad);
        }
        System.out.printf("bad-input fuzz: cases per kind of break: %s%n", perKind);
        listWhatGotThrough();
    }

    private static void check(Case bad) throws Exception {
        Request request = bad.request();
        String label = bad.operation().label() + " [" + bad.mutation().describe() + "]";
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException stale) {
            // Once more on a new connection: a kept-alive one the server closed after an earlier answer says nothing
            // about this request; a second failure does.
            System.out.printf("bad-input fuzz: %s: %s; sent again on a new connection%n", label, stale);
            try {
                answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                        .build().send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                fail(bad, "no answer (" + e.getClass().getSimpleName() + ")", label + ": " + e);
                tables.awaitQuiet(Duration.ofSeconds(30));
                return;
            }
        }
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("(none)");
        boolean garminRefusedAlone = garminRefusedAlone(bad, status, answer.body());
        if (status / 100 != 4 && !garminRefusedAlone) {
            fail(bad, "answered " + status + " " + type, label + ": " + status + " " + shortened(answer.body()));
        } else if (status / 100 == 4 && !(bad.operation().html() && type.startsWith("text/html"))) {
            if (!type.startsWith("application/problem+json")) {
                fail(bad, "answered " + status + " as " + type, label + ": " + status + " " + type + " " + shortened(answer.body()));
            } else {
                JsonNode problem = JSON.readTree(answer.body());
                if (problem.path("status").asInt() != status) {
                    fail(bad, "problem status " + problem.path("status") + " on a " + status, label + ": " + shortened(answer.body()));
                }
            }
        }
        Map<String, String> changed = tables.changed(garminRefusedAlone ? "activity.refused_delivery" : null);
        if (!changed.isEmpty()) {
            fail(bad, "rows written", label + ": " + status + ", " + changed.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; ")));
            tables.taint(changed.keySet());
            tables.awaitQuiet(Duration.ofSeconds(60));
        }
    }

    /**
     * Garmin re-sends a push only when it is not answered 2xx, so each summary of a push stands on its own
     * (docs/devices.md): one that cannot be stored is refused alone, in a 200 that says so, and recorded in
     * {@code refused_delivery} for operators. For a break inside the one summary, that is the clean refusal.
     */
    private static boolean garminRefusedAlone(Case bad, int status, String body) throws IOException {
        ApiOperations.Field field = bad.mutation().field();
        if (status != 200 || !bad.operation().path().startsWith("/api/v1/webhooks/garmin/") || field == null
                || field.path().size() < 3) {
            return false;
        }
        JsonNode answer = JSON.readTree(body);
        return answer.path("outcomes").size() == 1 && "refused".equals(answer.path("outcomes").path(0).asText());
    }

    private static void listWhatGotThrough() {
        int count = failures.values().stream().mapToInt(List::size).sum();
        System.out.printf("bad-input fuzz: seed %s, %d cases in %d s (%d s of it waiting for writes to settle), %d not"
                + " refused cleanly (%d distinct)%n", SEED, tried, started == null ? 0 : Duration.between(started, Instant.now())
                .toSeconds(), tables.waited.minus(preparing).toSeconds(), count, failures.size());
        if (!failures.isEmpty()) {
            String list = failures.entrySet().stream()
                    .map(e -> e.getValue().size() + "x " + e.getKey() + "\n      e.g. " + e.getValue().get(0))
                    .collect(Collectors.joining("\n  "));
            System.out.println("  " + list);
            throw new AssertionError(count + " of " + tried + " bad requests (seed " + SEED + ") were not refused cleanly, "
                    + failures.size() + " distinct:\n  " + list);
        }
    }

    private static void fail(Case bad, String what, String example) {
        String key = bad.operation().label() + " | " + bad.mutation().kind() + " " + bad.mutation().target() + " | " + what;
        failures.computeIfAbsent(key, k -> new ArrayList<>()).add(example);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // What can be broken

    enum Kind {
        WRONG_TYPE, MISSING, NULL, UNKNOWN_PROPERTY, DUPLICATE_KEY, CONTROL_CHARACTER, OUT_OF_RANGE, ENUM_PADDED,
        FAR_TIME, MALFORMED_JSON, CONTENT_TYPE, PATH_ID, LONG_QUERY, QUERY_TYPE, NO_CREDENTIALS, WRONG_CREDENTIALS,
        BAD_FILE
    }

    /**
     * One break: its kind, the field or parameter it hits (empty for the request as a whole), and which of the kind's
     * variants (drawn from the seeded source; each kind takes it modulo its own list).
     */
    record Mutation(Kind kind, String target, ApiOperations.Field field, int variant) {

        Mutation with(int chosen) {
            return new Mutation(kind, target, field, chosen);
        }

        String describe() {
            return kind + (target.isEmpty() ? "" : " " + target) + " #" + variant;
        }
    }

    private static List<Mutation> mutations(ApiOperations.Operation operation) {
        List<Mutation> all = new ArrayList<>();
        boolean json = operation.mediaType() != null && operation.mediaType().contains("json");
        if (json && operation.body() != null) {
            for (ApiOperations.Field field : operation.fields()) {
                String name = field.name();
                if (operation.webhook() && !WEBHOOK_FIELDS_READ.contains(field.leaf())) {
                    continue;
                }
                all.add(new Mutation(Kind.WRONG_TYPE, name, field, 0));
                if (field.required()) {
                    all.add(new Mutation(Kind.MISSING, name, field, 0));
                    all.add(new Mutation(Kind.NULL, name, field, 0));
                }
                all.add(new Mutation(Kind.DUPLICATE_KEY, name, field, 0));
                if ("string".equals(field.type()) && !field.activityTime() && field.format() == null) {
                    all.add(new Mutation(Kind.CONTROL_CHARACTER, name, field, 0));
                }
                if (field.min() != null || field.max() != null || field.maxLength() != null) {
                    all.add(new Mutation(Kind.OUT_OF_RANGE, name, field, 0));
                }
                if (!field.enums().isEmpty()) {
                    all.add(new Mutation(Kind.ENUM_PADDED, name, field, 0));
                }
                if (field.activityTime() && (operation.webhook() || operation.service().equals("activity"))) {
                    all.add(new Mutation(Kind.FAR_TIME, name, field, 0));
                }
            }
            if (operation.closed()) {
                all.add(new Mutation(Kind.UNKNOWN_PROPERTY, "", null, 0));
            }
            all.add(new Mutation(Kind.MALFORMED_JSON, "", null, 0));
        }
        if (operation.mediaType() != null) {
            all.add(new Mutation(Kind.CONTENT_TYPE, "", null, 0));
        }
        if (operation.mediaType() != null && operation.mediaType().startsWith("multipart/")) {
            all.add(new Mutation(Kind.BAD_FILE, "file", null, 0));
        }
        for (ApiOperations.Param param : operation.params()) {
            if ("path".equals(param.in())) {
                all.add(new Mutation(Kind.PATH_ID, param.name(), null, 0));
            } else if ("query".equals(param.in()) && List.of("integer", "number").contains(param.type())) {
                all.add(new Mutation(Kind.QUERY_TYPE, param.name(), null, 0));
            }
        }
        all.add(new Mutation(Kind.LONG_QUERY, "", null, 0));
        if (!operation.path().equals("/unsubscribe")) {
            all.add(new Mutation(Kind.NO_CREDENTIALS, "", null, 0));
            if (!operation.webhook() || !operation.path().equals("/api/v1/webhooks/garmin")) {
                all.add(new Mutation(Kind.WRONG_CREDENTIALS, "", null, 0));
            }
        }
        if (operation.webhook() && operation.method().equals("get")) {
            // Strava's handshake has no credentials but its verify token, which is the query it is sent with.
            all.removeIf(m -> m.kind() == Kind.NO_CREDENTIALS || m.kind() == Kind.WRONG_CREDENTIALS);
        }
        return all;
    }

    /** One generated case: an operation and the break applied to its good request. */
    record Case(ApiOperations.Operation operation, Mutation mutation) {

        Request request() throws Exception {
            return BadInputFuzzIT.request(operation, mutation);
        }

        @Override
        public String toString() {
            return operation.label() + " [" + mutation.describe() + "]";
        }
    }

    record Request(String method, String url, Map<String, String> headers, byte[] body) {
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Building a good request, then breaking it

    private static Request request(ApiOperations.Operation operation, Mutation mutation) throws Exception {
        int v = mutation.variant();
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (ApiOperations.Param param : operation.params()) {
            if ("path".equals(param.in())) {
                pathValues.put(param.name(), goodPathValue(param.name()));
            }
        }
        if (pathValues.containsKey("secret") && mutation.kind() == Kind.WRONG_CREDENTIALS) {
            pathValues.put("secret", "not-our-garmin-push-secret-0123456789abcdef");
        } else if (pathValues.containsKey("secret") && mutation.kind() == Kind.NO_CREDENTIALS) {
            pathValues.put("secret", "");
        }
        if (mutation.kind() == Kind.PATH_ID) {
            pathValues.put(mutation.target(), pick(v, LONG, "%20", "%20%20", goodPathValue(mutation.target()) + "%C2%85",
                    goodPathValue(mutation.target()) + "%00"));
        }
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (ApiOperations.Param param : operation.params()) {
            if ("query".equals(param.in()) && param.required()) {
                query.put(param.name(), goodQueryValue(param));
            }
        }
        if (operation.path().equals("/unsubscribe")) {
            query.put("token", "not-a-token");
        }
        if (mutation.kind() == Kind.QUERY_TYPE) {
            query.put(mutation.target(), pick(v, "abc", "1.5", "%00", "99999999999999999999", "%20"));
        }
        if (mutation.kind() == Kind.LONG_QUERY) {
            if (query.isEmpty()) {
                query.put("q", LONG);
            } else {
                query.replaceAll((name, value) -> LONG);
            }
        }
        String url = base(operation) + path + (query.isEmpty() ? "" : query.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&", "?", "")));

        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;
        if (operation.mediaType() != null && operation.mediaType().startsWith("multipart/")) {
            String boundary = "fuzz" + UUID.randomUUID().toString().replace("-", "");
            String file = mutation.kind() == Kind.BAD_FILE ? pick(v, "not a gpx file", ONE_POINT_GPX, "<gpx", "") : GOOD_GPX;
            String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"run.gpx\"\r\n"
                    + "Content-Type: application/gpx+xml\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = form.getBytes(StandardCharsets.UTF_8);
        } else if (operation.mediaType() != null) {
            headers.put("Content-Type", operation.mediaType().equals("*/*") ? "application/json" : operation.mediaType());
            String text = operation.body() == null ? "" : bodyText(operation, mutation);
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        if (mutation.kind() == Kind.CONTENT_TYPE) {
            String wrong = pick(v, null, "text/plain", "application/xml", "application/x-www-form-urlencoded");
            if (wrong == null) {
                headers.remove("Content-Type");
            } else {
                headers.put("Content-Type", wrong);
            }
        }
        credentials(operation, mutation, headers, body);
        return new Request(operation.method().toUpperCase(Locale.ROOT), url, headers, body);
    }

    private static String base(ApiOperations.Operation operation) {
        return switch (operation.service()) {
            case "activity" -> system.activity().baseUrl();
            case "plan" -> system.plan().baseUrl();
            default -> system.notification().baseUrl();
        };
    }

    /** Who may call: the path's owner, a PT for a PT's acts, an admin for admin operations; webhooks sign instead. */
    private static void credentials(ApiOperations.Operation operation, Mutation mutation, Map<String, String> headers,
            byte[] body) throws Exception {
        boolean none = mutation.kind() == Kind.NO_CREDENTIALS;
        boolean wrong = mutation.kind() == Kind.WRONG_CREDENTIALS;
        String path = operation.path();
        if (path.equals("/api/v1/webhooks/generic")) {
            String id = "msg_" + UUID.randomUUID();
            long timestamp = Instant.now().getEpochSecond();
            String signature = "v1," + Base64.getEncoder().encodeToString(hmac(
                    Base64.getDecoder().decode(Providers.GENERIC_SECRET.substring("whsec_".length())),
                    (id + "." + timestamp + "." + new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8)));
            if (!none) {
                headers.put("webhook-id", id);
                headers.put("webhook-timestamp", Long.toString(wrong && mutation.variant() % 2 == 1 ? timestamp - 3600 : timestamp));
                headers.put("webhook-signature", wrong && mutation.variant() % 2 == 0 ? "v1," + Base64.getEncoder()
                        .encodeToString(new byte[32]) : signature);
            }
        } else if (path.equals("/api/v1/webhooks/polar")) {
            if (!none) {
                byte[] key = (wrong ? "not-the-secret" : Providers.POLAR_WEBHOOK_SECRET).getBytes(StandardCharsets.UTF_8);
                headers.put("Polar-Webhook-Signature", HexFormat.of().formatHex(hmac(key, body == null ? new byte[0] : body)));
            }
        } else if (operation.webhook()) {
            // Garmin's secret is in its path, Strava's in the body's subscription_id: handled where those are built.
            return;
        } else if (!path.equals("/unsubscribe") && !none) {
            String token = path.startsWith("/api/v1/admin/") || path.endsWith("/links") ? system.adminToken()
                    : path.endsWith("/caps") && operation.method().equals("patch") || path.endsWith("/acknowledgement")
                    ? system.ptToken(ptId) : system.runnerToken(runner.id());
            if (wrong) {
                // Another runner's token is wrong only where the path names whose data it is; a list shows them their own.
                boolean owned = path.contains("{runnerId}") || path.contains("{recipientId}") || path.contains("{alertId}")
                        || path.startsWith("/api/v1/admin/") || path.endsWith("/links");
                token = !owned || mutation.variant() % 3 == 0 ? token.substring(0, token.length() - 4) + "AAAA"
                        : system.runnerToken(stranger.id());
            }
            headers.put("Authorization", "Bearer " + token);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static String goodPathValue(String name) {
        return switch (name) {
            case "runnerId", "recipientId" -> runner.id();
            case "activityId" -> activityId;
            case "alertId" -> alertId;
            case "provider" -> "strava";
            case "secret" -> Providers.GARMIN_PUSH_SECRET;
            case "id" -> "4242";
            default -> "x1";
        };
    }

    private static String goodQueryValue(ApiOperations.Param param) {
        return switch (param.type()) {
            case "integer", "number" -> "10";
            case "boolean" -> "true";
            default -> "date".equals(param.format()) ? LocalDate.now(Runner.ZONE).toString() : "abc";
        };
    }

    /** A good value by the field's name where its schema alone cannot tell one (an id, a zone, a callback URL...). */
    private static JsonNode goodValue(List<Object> path, JsonNode schema) {
        if (path.isEmpty()) {
            return null;
        }
        String name = String.valueOf(path.get(path.size() - 1));
        String parent = path.size() > 1 ? String.valueOf(path.get(path.size() - 2)) : "";
        return switch (name) {
            case "runnerId" -> NODES.textNode(runner.id());
            case "timeZone" -> NODES.textNode(Runner.ZONE.getId());
            case "email" -> NODES.textNode("physicalTherapist".equals(parent) ? runner.ptEmail() : runner.email());
            case "name" -> NODES.textNode("physicalTherapist".equals(parent) ? "Dr. Ortiz" : "Sam Strider");
            case "id" -> "physicalTherapist".equals(parent) ? NODES.textNode(ptId) : null;
            case "raceDate" -> NODES.textNode(LocalDate.now(Runner.ZONE).plusWeeks(10).toString());
            case "startTime" -> NODES.textNode(Runner.startToday());
            case "redirectUri" -> NODES.textNode(system.webUrl() + "/devices/callback/strava");
            case "state" -> NODES.textNode("state-" + UUID.randomUUID());
            case "codeChallenge" -> NODES.textNode("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
            case "code" -> NODES.textNode("code-fuzz");
            case "scope" -> NODES.textNode("read,activity:read_all");
            case "provider" -> NODES.textNode("webhook");
            case "providerUserId" -> NODES.textNode("w-fuzz-" + UUID.randomUUID());
            case "accessToken" -> NODES.textNode("token-fuzz");
            case "changedBy" -> NODES.textNode("Dr. Ortiz");
            case "reason" -> NODES.textNode("The knee settled");
            case "note" -> NODES.textNode("Called the runner");
            case "from" -> NODES.textNode("22:00");
            case "to" -> NODES.textNode("07:00");
            case "sport" -> schema.path("enum").isArray() ? NODES.textNode("run") : null;
            case "durationSeconds" -> NODES.numberNode(1800);
            case "distanceMetres" -> NODES.numberNode(5000.0);
            case "distance" -> NODES.numberNode(45.0);
            case "unit", "distanceUnit" -> NODES.textNode("mi");
            default -> null;
        };
    }

    // Webhooks take their body as text in the OpenAPI documents: their good bodies are the providers' real shapes.

    /** The webhook fields the service reads; others are ignored by design (providers add fields). */
    private static final java.util.Set<String> WEBHOOK_FIELDS_READ = java.util.Set.of("type", "data", "userId", "activityId",
            "startTime", "durationSeconds", "distanceMetres", "averageHeartRate", "timestamp", "aspect_type", "event_time",
            "object_id", "object_type", "owner_id", "subscription_id", "activities", "summaryId", "startTimeInSeconds",
            "startTimeOffsetInSeconds", "durationInSeconds", "distanceInMeters", "averageHeartRateInBeatsPerMinute",
            "user_id", "entity_id", "url");

    private static ApiOperations.Operation withWebhookBody(ApiOperations.Operation operation) {
        if (!operation.webhook() || !operation.method().equals("post")) {
            return operation;
        }
        String path = operation.path();
        ObjectNode body;
        List<ApiOperations.Field> fields = new ArrayList<>();
        if (path.equals("/api/v1/webhooks/generic")) {
            body = object("""
                    {"type": "activity.created", "timestamp": "%s", "data": {"userId": "%s", "activityId": "fuzz",
                     "sport": "run", "startTime": "%s", "durationSeconds": 2400, "distanceMetres": 5000,
                     "averageHeartRate": 140}}""".formatted(Instant.now().minusSeconds(60), runner.webhookUserId(),
                    Runner.startToday()));
            fields.add(field(List.of("type"), "string", true, List.of("activity.created", "activity.updated", "activity.deleted"), null, null));
            fields.add(field(List.of("timestamp"), "string", false, List.of(), null, null));
            fields.add(field(List.of("data"), "object", true, List.of(), null, null));
            fields.add(field(List.of("data", "userId"), "string", true, List.of(), null, null));
            fields.add(field(List.of("data", "activityId"), "string", true, List.of(), null, null));
            fields.add(field(List.of("data", "startTime"), "string", true, List.of(), null, null));
            fields.add(field(List.of("data", "durationSeconds"), "integer", true, List.of(), 1.0, 86_400.0));
            fields.add(field(List.of("data", "distanceMetres"), "number", true, List.of(), 0.0, 500_000.0));
            fields.add(field(List.of("data", "averageHeartRate"), "integer", false, List.of(), 20.0, 250.0));
        } else if (path.equals("/api/v1/webhooks/strava")) {
            body = object("""
                    {"aspect_type": "create", "event_time": %d, "object_id": 12345678901, "object_type": "activity",
                     "owner_id": %d, "subscription_id": %d, "updates": {}}""".formatted(Instant.now().getEpochSecond(),
                    stravaAthlete, Providers.STRAVA_SUBSCRIPTION));
            fields.add(field(List.of("aspect_type"), "string", true, List.of("create", "update", "delete"), null, null));
            fields.add(field(List.of("event_time"), "integer", true, List.of(), null, null));
            fields.add(field(List.of("object_id"), "integer", true, List.of(), 1.0, null));
            fields.add(field(List.of("object_type"), "string", true, List.of("activity", "athlete"), null, null));
            fields.add(field(List.of("owner_id"), "integer", true, List.of(), 1.0, null));
            fields.add(field(List.of("subscription_id"), "integer", true, List.of(), null, null));
        } else if (path.startsWith("/api/v1/webhooks/garmin")) {
            body = object("""
                    {"activities": [{"userId": "%s", "userAccessToken": "x", "summaryId": "fuzz", "activityType": "RUNNING",
                     "startTimeInSeconds": %d, "startTimeOffsetInSeconds": -21600, "durationInSeconds": 2100,
                     "distanceInMeters": 5000, "averageHeartRateInBeatsPerMinute": 139}]}""".formatted(garminUser,
                    OffsetDateTime.parse(Runner.startToday()).toEpochSecond()));
            fields.add(field(List.of("activities"), "array", true, List.of(), null, null));
            fields.add(field(List.of("activities", 0, "userId"), "string", true, List.of(), null, null));
            fields.add(field(List.of("activities", 0, "summaryId"), "string", true, List.of(), null, null));
            fields.add(field(List.of("activities", 0, "startTimeInSeconds"), "integer", true, List.of(), null, null));
            fields.add(field(List.of("activities", 0, "startTimeOffsetInSeconds"), "integer", false, List.of(), -64_800.0, 64_800.0));
            fields.add(field(List.of("activities", 0, "durationInSeconds"), "integer", true, List.of(), 1.0, 86_400.0));
            fields.add(field(List.of("activities", 0, "distanceInMeters"), "number", false, List.of(), 0.0, 500_000.0));
            fields.add(field(List.of("activities", 0, "averageHeartRateInBeatsPerMinute"), "integer", false, List.of(), 20.0, 250.0));
        } else if (path.equals("/api/v1/webhooks/polar")) {
            body = object("""
                    {"event": "EXERCISE", "user_id": %d, "entity_id": "fuzz", "timestamp": "%s",
                     "url": "https://www.polaraccesslink.com/v3/exercises/fuzz"}""".formatted(polarUser, Instant.now().minusSeconds(60)));
            fields.add(field(List.of("user_id"), "integer", true, List.of(), 1.0, null));
            fields.add(field(List.of("entity_id"), "string", true, List.of(), null, null));
            fields.add(field(List.of("timestamp"), "string", true, List.of(), null, null));
            fields.add(field(List.of("url"), "string", true, List.of(), null, null));
        } else {
            throw new IllegalStateException("a webhook this test does not know: " + path
                    + " (give it its provider's good body here)");
        }
        return new ApiOperations.Operation(operation.service(), operation.method(), path, operation.params(),
                "application/json", body, List.copyOf(fields), false, false);
    }

    private static ApiOperations.Field field(List<Object> path, String type, boolean required, List<String> enums,
            Double min, Double max) {
        return new ApiOperations.Field(path, type, null, required, enums, min, max, null);
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The good body with the break applied, as the text sent. */
    private static String bodyText(ApiOperations.Operation operation, Mutation mutation) throws IOException {
        JsonNode body = operation.body().deepCopy();
        int v = mutation.variant();
        String path = operation.path();
        // Fresh ids, so no case is taken for a redelivery of another.
        if (path.equals("/api/v1/webhooks/generic")) {
            ((ObjectNode) body.path("data")).put("activityId", UUID.randomUUID().toString());
        } else if (path.startsWith("/api/v1/webhooks/garmin")) {
            ((ObjectNode) body.path("activities").path(0)).put("summaryId", UUID.randomUUID().toString());
        } else if (path.equals("/api/v1/webhooks/strava")) {
            ((ObjectNode) body).put("object_id", ThreadLocalRandom.current().nextLong(10_000_000_000L, 20_000_000_000L));
            if (mutation.kind() == Kind.WRONG_CREDENTIALS) {
                ((ObjectNode) body).put("subscription_id", Providers.STRAVA_SUBSCRIPTION + 1 + v % 1000);
            } else if (mutation.kind() == Kind.NO_CREDENTIALS) {
                ((ObjectNode) body).remove("subscription_id");
            }
        } else if (path.equals("/api/v1/webhooks/polar")) {
            ((ObjectNode) body).put("entity_id", "fuzz" + UUID.randomUUID().toString().replace("-", ""));
        }
        ApiOperations.Field field = mutation.field();
        String c1 = null;
        switch (mutation.kind()) {
            case WRONG_TYPE -> set(body, field.path(), wrongType(field, at(body, field.path()), v));
            case MISSING -> remove(body, field.path());
            case NULL -> set(body, field.path(), NODES.nullNode());
            case UNKNOWN_PROPERTY -> ((ObjectNode) body).put("unexpected" + v % 10, "value");
            case CONTROL_CHARACTER -> {
                String good = at(body, field.path()).asText();
                char bad = v % 5 == 0 ? '\u0000' : (char) (0x80 + v % 32);
                set(body, field.path(), NODES.textNode(good.substring(0, good.length() / 2) + bad + good.substring(good.length() / 2)));
                c1 = v % 2 == 0 ? String.valueOf(bad) : null;
            }
            case OUT_OF_RANGE -> set(body, field.path(), outOfRange(field, v));
            case ENUM_PADDED -> {
                String good = at(body, field.path()).asText();
                set(body, field.path(), NODES.textNode(pick(v, " " + good, good + " ", good + "\u0000", good.toUpperCase(Locale.ROOT)
                        .equals(good) ? good.toLowerCase(Locale.ROOT) + "x" : good.toUpperCase(Locale.ROOT) + "X")));
            }
            case FAR_TIME -> {
                boolean future = v % 2 == 0;
                JsonNode good = at(body, field.path());
                if (good.isNumber()) {
                    set(body, field.path(), NODES.numberNode(future ? YEAR_2090 : YEAR_1999));
                } else {
                    set(body, field.path(), NODES.textNode(future ? "2090-06-01T07:00:00Z" : "1999-06-01T07:00:00-05:00"));
                }
            }
            default -> {
            }
        }
        String text = mutation.kind() == Kind.DUPLICATE_KEY ? withDuplicate(body, field.path(), v) : JSON.writeValueAsString(body);
        if (c1 != null) {
            // Half the time the control character is written as a JSON escape instead of as itself.
            text = text.replace(c1, String.format("\\u%04x", (int) c1.charAt(0)));
        }
        if (mutation.kind() == Kind.MALFORMED_JSON) {
            text = pick(v, text.substring(0, text.length() / 2), text + "}", text.replace('"', '\''),
                    text.substring(0, text.length() - 1) + ",}", "{" + text, text + text, "", "\u0000" + text);
        }
        return text;
    }

    private static JsonNode wrongType(ApiOperations.Field field, JsonNode good, int v) {
        return switch (field.type()) {
            case "integer" -> field.activityTime() && good.isNumber() ? NODES.textNode(Instant.ofEpochSecond(good.asLong()).toString())
                    : pickNode(v, NODES.textNode(good.asText()), NODES.numberNode(good.asLong() + 0.5), NODES.booleanNode(true),
                    NODES.arrayNode().add(good));
            case "number" -> pickNode(v, NODES.textNode(good.asText()), NODES.booleanNode(true), NODES.objectNode());
            case "boolean" -> pickNode(v, NODES.numberNode(1), NODES.textNode("true"), NODES.textNode("yes"));
            case "object" -> pickNode(v, NODES.textNode("x"), NODES.numberNode(1), NODES.arrayNode());
            case "array" -> pickNode(v, NODES.textNode("x"), NODES.numberNode(1), NODES.objectNode());
            default -> "date-time".equals(field.format()) || field.activityTime()
                    ? pickNode(v, NODES.numberNode(OffsetDateTime.parse(Runner.startToday()).toEpochSecond()), NODES.booleanNode(true))
                    : pickNode(v, NODES.numberNode(1800), NODES.numberNode(18.5), NODES.booleanNode(true), NODES.objectNode(),
                    NODES.arrayNode().add(good));
        };
    }

    private static JsonNode outOfRange(ApiOperations.Field field, int v) {
        if ("string".equals(field.type())) {
            return NODES.textNode("a".repeat(field.maxLength() + 1 + v % 50));
        }
        boolean below = field.min() != null && (field.max() == null || v % 2 == 0);
        double edge = below ? field.min() : field.max();
        boolean whole = "integer".equals(field.type());
        double step = whole ? 1 + v % 1000 : (v % 3 == 0 ? 1e-6 : 1 + v % 1000);
        double value = below ? edge - step : edge + step;
        if (below && edge == 0 && field.min() != null && !whole && v % 3 == 0) {
            value = -0.001;
        }
        return whole ? NODES.numberNode((long) value) : NODES.numberNode(value);
    }

    /** The body written with the field's key twice: first a different good-looking value, then the good one. */
    private static String withDuplicate(JsonNode body, List<Object> path, int v) throws IOException {
        List<Object> parentPath = path.subList(0, path.size() - 1);
        String key = String.valueOf(path.get(path.size() - 1));
        ObjectNode parent = (ObjectNode) at(body, parentPath);
        JsonNode value = parent.get(key);
        String marker = "\"@@dup" + UUID.randomUUID() + "\"";
        parent.set(key, NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(marker)));
        String text = JSON.writeValueAsString(body);
        String written = JSON.writeValueAsString(value);
        String first = v % 2 == 0 ? written : JSON.writeValueAsString(value.isNumber() ? NODES.numberNode(value.asDouble() + 1)
                : value.isTextual() ? NODES.textNode(value.asText() + "x") : value);
        return text.replace(marker, first + ", " + JSON.writeValueAsString(key) + ": " + written);
    }

    private static JsonNode at(JsonNode body, List<Object> path) {
        JsonNode node = body;
        for (Object segment : path) {
            node = segment instanceof Integer index ? node.path(index) : node.path((String) segment);
        }
        return node;
    }

    private static void set(JsonNode body, List<Object> path, JsonNode value) {
        JsonNode parent = at(body, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static void remove(JsonNode body, List<Object> path) {
        JsonNode parent = at(body, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ArrayNode array) {
            array.remove((int) (Integer) last);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
    }

    @SafeVarargs
    private static <T> T pick(int variant, T... choices) {
        return choices[Math.floorMod(variant, choices.length)];
    }

    private static JsonNode pickNode(int variant, JsonNode... choices) {
        return choices[Math.floorMod(variant, choices.length)];
    }

    private static final String GOOD_GPX = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="fuzz" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
            <trkpt lat="41.8800" lon="-87.6300"><time>2026-11-03T13:00:00Z</time></trkpt>
            <trkpt lat="41.8900" lon="-87.6300"><time>2026-11-03T13:06:00Z</time></trkpt>
            </trkseg></trk></gpx>
            """;

    private static final String ONE_POINT_GPX = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="fuzz" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
            <trkpt lat="41.8800" lon="-87.6300"><time>2026-11-03T13:00:00Z</time></trkpt>
            </trkseg></trk></gpx>
            """;

    // ----------------------------------------------------------------------------------------------------------------

    private static void link(String provider, String userId, String accessToken) throws Exception {
        String body = "{\"provider\": \"" + provider + "\", \"providerUserId\": \"" + userId + "\""
                + (accessToken == null ? "" : ", \"accessToken\": \"" + accessToken + "\"") + "}";
        check(RestClient.postJson(system.activity().baseUrl() + "/api/v1/runners/" + runner.id() + "/links", body,
                system.adminToken()), 201, "linking " + provider);
    }

    private static void check(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static String shortened(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    /**
     * Every table of the three services' databases but Flyway's history, read as row count and newest row version
     * ({@code max(xmin)}): an insert or delete changes the count, an update the version.
     */
    private static final class Tables {

        private final Map<String, Connection> databases = new LinkedHashMap<>();
        private final Map<String, List<String>> names = new LinkedHashMap<>();
        private final java.util.Set<String> tainted = new java.util.HashSet<>();
        private Map<String, String> last;
        /** Time spent waiting for the tables to settle after a case that wrote (not the cases' own time). */
        private Duration waited = Duration.ZERO;

        Tables(RunningSystem system) throws SQLException {
            for (String service : List.of("activity", "plan", "notification")) {
                Connection db = system.database(service);
                databases.put(service, db);
                List<String> tables = new ArrayList<>();
                try (Statement statement = db.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                                + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                                + " AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                if (tables.isEmpty()) {
                    throw new IllegalStateException("no tables in " + service + "'s database");
                }
                names.put(service, tables);
            }
            last = read();
        }

        Map<String, String> read() throws SQLException {
            Map<String, String> state = new LinkedHashMap<>();
            for (Map.Entry<String, Connection> db : databases.entrySet()) {
                List<String> tables = names.get(db.getKey());
                String query = tables.stream()
                        .map(t -> "(SELECT count(*) || ' rows, newest ' || coalesce(max(xmin::text::bigint), 0) FROM \"" + t + "\")")
                        .collect(Collectors.joining(", ", "SELECT ", ""));
                try (Statement statement = db.getValue().createStatement(); ResultSet row = statement.executeQuery(query)) {
                    row.next();
                    for (int i = 0; i < tables.size(); i++) {
                        state.put(db.getKey() + "." + tables.get(i), row.getString(i + 1));
                    }
                }
            }
            return state;
        }

        /**
         * The tables changed since the last look, with how: {@code 3 rows, newest 812 -> 4 rows, newest 830}. Not
         * counted: the table {@code allowed} gains one row, and rows of a table an earlier accepted case wrote change
         * without any being added or removed (a fetch that case queued is retried with backoff long after it).
         */
        Map<String, String> changed(String allowed) throws SQLException {
            Map<String, String> now = read();
            Map<String, String> before = last;
            last = now;
            Map<String, String> changed = new TreeMap<>();
            for (String table : now.keySet()) {
                String was = before.get(table);
                String is = now.get(table);
                if (is.equals(was) || table.equals(allowed) && count(is) == count(was) + 1) {
                    continue;
                }
                if (tainted.contains(table) && count(is) == count(was)) {
                    System.out.printf("bad-input fuzz: %s changed by work an earlier accepted case left (%s -> %s)%n", table, was, is);
                    continue;
                }
                changed.put(table, was + " -> " + is);
            }
            return changed;
        }

        void taint(java.util.Collection<String> written) {
            tainted.addAll(written);
        }

        private static long count(String state) {
            return Long.parseLong(state.substring(0, state.indexOf(' ')));
        }

        /** Waits until no table changes for two seconds running, so work still under way is not blamed on a case. */
        void awaitQuiet(Duration atMost) throws SQLException, InterruptedException {
            Instant start = Instant.now();
            try {
                awaitQuietFor(atMost);
            } finally {
                waited = waited.plus(Duration.between(start, Instant.now()));
            }
        }

        private void awaitQuietFor(Duration atMost) throws SQLException, InterruptedException {
            Instant deadline = Instant.now().plus(atMost);
            Map<String, String> before = read();
            Instant stableSince = Instant.now();
            while (Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
                Map<String, String> now = read();
                if (!now.equals(before)) {
                    before = now;
                    stableSince = Instant.now();
                } else if (Duration.between(stableSince, Instant.now()).compareTo(Duration.ofSeconds(2)) >= 0) {
                    last = now;
                    return;
                }
            }
            throw new IllegalStateException("the services' tables kept changing for " + atMost + ": " + before);
        }
    }
}
