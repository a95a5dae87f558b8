package io.rebound.notification;

import static io.rebound.testkit.BadInput.Field;
import static io.rebound.testkit.BadInput.Kind.BOOLEAN;
import static io.rebound.testkit.BadInput.Kind.OBJECT;
import static io.rebound.testkit.BadInput.Kind.TIME;
import static io.rebound.testkit.BadInput.Kind.ZONE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.BadInput;
import io.rebound.testkit.BadInputRun;
import io.rebound.testkit.BadInputRun.Request;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.infrastructure.Tokens;
import io.rebound.events.DistanceUnit;
import io.rebound.events.PlanChanged;
import io.rebound.notification.preferences.UnsubscribeTokens;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every /api endpoint of notification-service and its /unsubscribe link, sent a table of bad requests (devstack's
 * {@link BadInput}) with an admin token: each must be a 4xx problem+json naming the field (the unsubscribe page a
 * browser opens answers HTML), leave the service ready, and write no row anywhere.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class NotificationBadInputIT {

    private static final long JSON_LIMIT = 256 * 1024;

    private static final List<String> BAD_IDS = List.of("sam%20smith", "r".repeat(65), "sam%E2%80%AEgnp", "sa%E2%80%8Bm",
            "sam%00", "%F0%9F%8F%83", "..%2F..%2Fetc", "-leading-dash", "%27%3B%20DROP%20TABLE%20contact%3B--",
            "%C0%AF", "%EF%BC%B3am");

    private static final List<Field> PREFERENCES = List.of(Field.optional("digest", BOOLEAN),
            Field.optional("quietHours", OBJECT), Field.of("quietHours.from", TIME), Field.of("quietHours.to", TIME),
            Field.optional("timeZone", ZONE));

    @TestHTTPResource("/")
    URL base;

    @Inject
    UnsubscribeTokens tokens;

    @Test
    void everyEndpointRefusesEveryBadInputCleanly() throws Exception {
        Config config = ConfigProvider.getConfig();
        Map<String, String> admin = Map.of("Authorization", "Bearer " + Tokens.admin());
        PlanChanged sample = Events.plan(Events.runnerId(), DistanceUnit.KM);
        PlanChanged target = Events.plan(Events.runnerId(), DistanceUnit.MI);
        Events.publishPlan(sample);
        Events.publishPlan(target);
        for (PlanChanged plan : List.of(sample, target)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.admin())
                    .get("/api/v1/recipients/" + plan.runnerId() + "/preferences").statusCode() == 200);
        }
        String preferences = "{\"digest\": true, \"quietHours\": {\"from\": \"22:00\", \"to\": \"07:00\"},"
                + " \"timeZone\": \"Europe/Berlin\"}";
        String goodToken = tokens.sign(sample.runnerId(), sample.runner().email());
        String targetToken = tokens.sign(target.runnerId(), target.runner().email());

        // The good requests are accepted; the bad ones go to the other recipient, whose preferences were never set.
        accepted(Request.json("PUT", "/api/v1/recipients/" + sample.runnerId() + "/preferences", preferences, admin));
        accepted(Request.of("GET", "/api/v1/deliveries?runnerId=" + sample.runnerId() + "&limit=5", admin));
        accepted(Request.of("GET", "/unsubscribe?token=" + encoded(goodToken), Map.of()));
        accepted(Request.of("POST", "/unsubscribe?token=" + encoded(goodToken), Map.of()));

        try (BadInputRun run = new BadInputRun("notification-service", base.toURI(),
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            run.awaitQuiet(Duration.ofSeconds(60));

            String path = "/api/v1/recipients/" + target.runnerId() + "/preferences";
            List<BadInput.Case> cases = new ArrayList<>(BadInput.malformed(preferences, JSON_LIMIT));
            cases.addAll(BadInput.fields(preferences, PREFERENCES));
            cases.addAll(BadInput.types(preferences, PREFERENCES));
            cases.add(new BadInput.Case("unknown field", "colour", BadInput.raw(preferences, "timeZone", "\"UTC\", \"colour\": 1")));
            cases.add(new BadInput.Case("quiet hours from equals to", "quietHours",
                    BadInput.raw(preferences, "quietHours", "{\"from\": \"07:00\", \"to\": \"07:00\"}")));
            cases.add(new BadInput.Case("read-only email changed", "email",
                    BadInput.raw(preferences, "timeZone", "\"UTC\", \"email\": \"someone@else.example.org\"")));
            for (BadInput.Case bad : cases) {
                run.refused(bad, Request.json("PUT", path, bad.body(), admin));
            }
            // Refused by the HTTP layer rather than a resource, and still problem+json.
            run.refused(new BadInput.Case("preferences of 2 MiB, sent without a length", null, ""),
                    Request.chunked("PUT", path, BadInput.padded(preferences, 2 * 1024 * 1024), admin));
            run.refused(new BadInput.Case("preferences over the limit, sent without a length", null, ""),
                    Request.chunked("PUT", path, BadInput.padded(preferences, JSON_LIMIT + 1), admin));
            run.refused(new BadInput.Case("preferences without a Content-Type", null, ""),
                    new Request("PUT", path, admin, preferences.getBytes(StandardCharsets.UTF_8)));
            String longToken = "x".repeat(10_000);
            run.refused(new BadInput.Case("unsubscribe with a 10,000-character token", null, ""),
                    Request.of("POST", "/unsubscribe?token=" + longToken, Map.of()));
            run.refused(new BadInput.Case("unsubscribe page with a 10,000-character token", null, ""),
                    Request.of("GET", "/unsubscribe?token=" + longToken, Map.of()));
            for (String id : BAD_IDS) {
                BadInput.Case bad = new BadInput.Case("recipientId " + id, "recipientId", "");
                run.refused(bad, Request.of("GET", "/api/v1/recipients/" + id + "/preferences", admin));
                run.refused(bad, Request.json("PUT", "/api/v1/recipients/" + id + "/preferences", preferences, admin));
                run.refused(new BadInput.Case("runnerId " + id, "runnerId", ""),
                        Request.of("GET", "/api/v1/deliveries?runnerId=" + id, admin));
            }
            run.refused(new BadInput.Case("preferences of nobody", null, ""),
                    Request.json("PUT", "/api/v1/recipients/nobody-at-all/preferences", preferences, admin));
            run.refused(new BadInput.Case("deliveries without runnerId", "runnerId", ""),
                    Request.of("GET", "/api/v1/deliveries", admin));
            for (String limit : List.of("0", "-1", "100001", "abc", "NaN", "1e3", "99999999999", "%00", "2.5")) {
                run.refused(new BadInput.Case("limit " + limit, "limit", ""),
                        Request.of("GET", "/api/v1/deliveries?runnerId=" + target.runnerId() + "&limit=" + limit, admin));
            }

            String payload = targetToken.substring(0, targetToken.indexOf('.'));
            String signature = targetToken.substring(targetToken.indexOf('.') + 1);
            List<String> badTokens = List.of("", "garbage", payload, payload + ".", "." + signature,
                    payload + "." + signature.substring(1), payload + "x." + signature, targetToken + "\u0000",
                    targetToken + "\u202E", "x".repeat(4000), targetToken + "." + signature,
                    payload.toUpperCase() + "." + signature);
            for (String token : badTokens) {
                String label = token.length() > 40 ? token.substring(0, 40) + "..." : token;
                BadInput.Case bad = new BadInput.Case("unsubscribe token '" + label + "'", "token", "");
                run.refused(bad, Request.of("POST", "/unsubscribe?token=" + encoded(token), Map.of()));
                run.refusedAs("text/html", new BadInput.Case("unsubscribe page token '" + label + "'", null, ""),
                        Request.of("GET", "/unsubscribe?token=" + encoded(token), Map.of()));
            }
            run.refused(new BadInput.Case("unsubscribe without a token", "token", ""),
                    Request.of("POST", "/unsubscribe", Map.of()));

            run.finish();
            assertThat(run.tried()).isGreaterThan(100);
        }
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void accepted(Request request) throws Exception {
        BadInputRun.accepted(base.toURI(), request);
    }
}
