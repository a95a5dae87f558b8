package io.rebound.activity.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.activity.Callers;
import io.rebound.activity.ProviderApisResource;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Strava's events are believed only for our subscription, which an admin creates, shows and deletes through us. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class StravaSubscriptionIT {

    private static final String SUBSCRIPTIONS = "/api/v1/admin/strava/subscriptions";

    private static long anId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private static String event(String objectType, long objectId, String aspect, long owner, long subscription,
            String updates) {
        return """
                {"aspect_type": "%s", "event_time": 1764230400, "object_id": %d, "object_type": "%s",
                 "owner_id": %d, "subscription_id": %d, "updates": %s}
                """.formatted(aspect, objectId, objectType, owner, subscription, updates);
    }

    @Test
    void forgedEventsOfAnotherSubscriptionAreRefusedAndChangeNothing() {
        String runner = "runner-" + UUID.randomUUID().toString().substring(0, 8);
        long athlete = anId();
        long id = anId();
        Deliveries.link(runner, "strava", Long.toString(athlete), "tok-" + athlete);
        ObjectNode activity = Fixtures.json("/io/rebound/activity/provider/strava/detailed-activity.json");
        activity.put("id", id);
        Deliveries.providers().register(get(urlEqualTo("/api/v3/activities/" + id))
                .withHeader("Authorization", WireMock.equalTo("Bearer tok-" + athlete)).willReturn(okJson(activity.toString())));

        // A forged deauthorization would clear the token; refused, the fetch below still has it.
        Deliveries.strava(event("athlete", athlete, "update", athlete, 999, "{\"authorized\": \"false\"}"))
                .statusCode(403).contentType("application/problem+json").body("errors[0].field", equalTo("subscription_id"));
        Deliveries.strava(event("activity", id, "create", athlete, Deliveries.stravaSubscription(), "{}")).statusCode(200)
                .body("outcome", equalTo("queued"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Deliveries.jobStates(id).equals(List.of("DONE")));
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().body("$", hasSize(1));

        Deliveries.strava(event("activity", id, "delete", athlete, 1, "{}")).statusCode(403);
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().body("$", hasSize(1));
    }

    @Test
    void anAdminCreatesShowsAndDeletesOurSubscriptionAndEventsFollowIt() {
        WireMock strava = Deliveries.providers();
        strava.register(post(urlEqualTo("/api/v3/push_subscriptions"))
                .withRequestBody(containing("client_id=test-strava-client"))
                .withRequestBody(containing("client_secret=test-strava-secret"))
                .withRequestBody(containing("callback_url=https%3A%2F%2Frebound.example.org%2Fapi%2Fv1%2Fwebhooks%2Fstrava"))
                .withRequestBody(containing("verify_token=test-verify-token"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": 1106}")));
        strava.register(get(urlPathEqualTo("/api/v3/push_subscriptions"))
                .withQueryParam("client_id", WireMock.equalTo("test-strava-client"))
                .withQueryParam("client_secret", WireMock.equalTo("test-strava-secret"))
                .willReturn(okJson("""
                        [
                          {
                            "id": 1106,
                            "resource_state": 2,
                            "application_id": 5,
                            "callback_url": "https://rebound.example.org/api/v1/webhooks/strava",
                            "created_at": "2026-11-27T10:00:00Z",
                            "updated_at": "2026-11-27T10:00:00Z"
                          }
                        ]""")));
        strava.register(delete(urlPathEqualTo("/api/v3/push_subscriptions/1106"))
                .withQueryParam("client_id", WireMock.equalTo("test-strava-client"))
                .withQueryParam("client_secret", WireMock.equalTo("test-strava-secret"))
                .willReturn(aResponse().withStatus(204)));
        long athlete = anId();
        String notice = event("athlete", athlete, "update", athlete, 1106, "{}");
        Deliveries.strava(notice).statusCode(403);

        Callers.admin().contentType(ContentType.JSON).body("{\"callbackUrl\": \"https://rebound.example.org/api/v1/webhooks/strava\"}")
                .when().post(SUBSCRIPTIONS).then().statusCode(201).body("id", equalTo(1106))
                .body("callbackUrl", equalTo("https://rebound.example.org/api/v1/webhooks/strava"));
        strava.verifyThat(1, postRequestedFor(urlEqualTo("/api/v3/push_subscriptions")));
        Deliveries.strava(notice).statusCode(200).body("outcome", equalTo("ignored"));

        Callers.admin().when().get(SUBSCRIPTIONS).then().statusCode(200)
                .body("atStrava", hasSize(1)).body("atStrava[0].id", equalTo(1106))
                .body("atStrava[0].createdAt", equalTo("2026-11-27T10:00:00Z"))
                .body("stored.id", equalTo(1106));

        Callers.admin().when().delete(SUBSCRIPTIONS + "/1106").then().statusCode(204);
        strava.verifyThat(1, deleteRequestedFor(urlPathEqualTo("/api/v3/push_subscriptions/1106")));
        Deliveries.strava(notice).statusCode(403);
    }

    @Test
    void onlyAnAdminManagesTheSubscriptionAndMistakesAreProblems() {
        Callers.runner("runner-x").when().get(SUBSCRIPTIONS).then().statusCode(403).contentType("application/problem+json");
        given().when().get(SUBSCRIPTIONS).then().statusCode(401).contentType("application/problem+json");
        Callers.admin().contentType(ContentType.JSON).body("{}").when().post(SUBSCRIPTIONS)
                .then().statusCode(400).body("errors[0].field", equalTo("callbackUrl"));
        Callers.admin().contentType(ContentType.JSON).body("{\"callbackUrl\": \"not a url\"}").when().post(SUBSCRIPTIONS)
                .then().statusCode(400).body("errors[0].field", equalTo("callbackUrl"));

        // Strava's own refusal when a subscription exists already.
        Deliveries.providers().register(post(urlEqualTo("/api/v3/push_subscriptions"))
                .withRequestBody(containing("callback_url=https%3A%2F%2Fsecond.example.org"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Bad Request\",\"errors\":[{\"resource\":\"PushSubscription\","
                                + "\"field\":\"\",\"code\":\"already exists\"}]}")));
        Callers.admin().contentType(ContentType.JSON).body("{\"callbackUrl\": \"https://second.example.org/api/v1/webhooks/strava\"}")
                .when().post(SUBSCRIPTIONS).then().statusCode(502).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("already exists"));
    }
}
