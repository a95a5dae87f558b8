package io.rebound.activity.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.activity.Callers;
import io.rebound.activity.ProviderApisResource;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deliveries for provider users nobody linked are kept for the link, within limits: the test profile keeps 3 per user
 * (rebound.activity.unlinked.max-per-user) for 30 days, swept every second.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class UnlinkedRetentionIT {

    private static long unlinked(String user) throws Exception {
        return Deliveries.count("SELECT count(*) FROM webhook_receipt WHERE provider_user_id = ? AND state = 'UNLINKED'", user);
    }

    private static void age(String sql, String user) throws Exception {
        try (Connection db = Deliveries.database(); PreparedStatement update = db.prepareStatement(sql)) {
            update.setString(1, user);
            assertThat(update.executeUpdate()).isPositive();
        }
    }

    @Test
    void onlyTheNewestDeliveriesOfAnUnlinkedUserAreKeptForTheLink() throws Exception {
        String user = "app-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 5; i++) {
            Deliveries.signed("m" + i + "_" + user, Deliveries.generic("activity.created", user, "a-" + i, 1000 * i,
                    Instant.parse("2026-11-27T10:00:00Z").plusSeconds(i))).statusCode(200).body("outcome", equalTo("unlinked"));
            Thread.sleep(5); // distinct arrival times, so "newest" is well defined
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> unlinked(user) == 3);

        String runner = "runner-" + UUID.randomUUID().toString().substring(0, 8);
        Callers.admin().contentType(ContentType.JSON)
                .body("{\"provider\": \"webhook\", \"providerUserId\": \"%s\"}".formatted(user))
                .when().post("/api/v1/runners/{runner}/links", runner).then().statusCode(201).body("replayed", equalTo(3));
        List<Float> kept = Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner)
                .then().statusCode(200).extract().path("distanceMetres");
        assertThat(kept).containsExactlyInAnyOrder(3000f, 4000f, 5000f);
    }

    @Test
    void deliveriesOlderThanTheMaximumAgeAreDeleted() throws Exception {
        String user = "app-" + UUID.randomUUID().toString().substring(0, 8);
        Deliveries.signed("old_" + user, Deliveries.generic("activity.created", user, "a-1", 5000,
                Instant.parse("2026-11-27T10:00:00Z"))).statusCode(200).body("outcome", equalTo("unlinked"));
        long athlete = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        long activity = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        Deliveries.strava(Deliveries.stravaEvent(activity, "create", athlete)).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Deliveries.jobStates(activity).equals(List.of("UNLINKED")));

        age("UPDATE webhook_receipt SET received_at = now() - interval '31 days' WHERE provider_user_id = ?", user);
        age("UPDATE fetch_job SET created_at = now() - interval '31 days' WHERE provider_user_id = ?", Long.toString(athlete));
        await().atMost(Duration.ofSeconds(30)).until(() -> unlinked(user) == 0 && Deliveries.jobStates(activity).isEmpty());

        String runner = "runner-" + UUID.randomUUID().toString().substring(0, 8);
        Callers.admin().contentType(ContentType.JSON)
                .body("{\"provider\": \"webhook\", \"providerUserId\": \"%s\"}".formatted(user))
                .when().post("/api/v1/runners/{runner}/links", runner).then().statusCode(201).body("replayed", equalTo(0));
    }
}
