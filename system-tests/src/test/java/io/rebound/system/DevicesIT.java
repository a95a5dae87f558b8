package io.rebound.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.testkit.InfraAvailable;
import io.rebound.system.web.Browser;
import io.rebound.system.web.Pages;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connecting a watch's app from the web app's Devices page, in a real browser against the whole running system, with
 * WireMock playing Strava's authorization page, token endpoint and activities list: the runner presses "Connect
 * Strava", says yes at "Strava", comes back connected with their last 16 weeks being fetched, and disconnects; an
 * answer from "Strava" that the runner did not ask for changes nothing. Every page is photographed at 390 px and
 * 1280 px (under {@code target/screenshots}) and checked with axe-core.
 */
@ExtendWith({InfraAvailable.class, SharedSystem.class})
class DevicesIT {

    /** The realm's demo runner (infrastructure/src/main/resources/keycloak/rebound-realm.json). */
    private static final String RUNNER_ID = "demo-runner";
    private static final String RUNNER_LOGIN = "sam";
    private static final String PT_ID = "pt-demo";
    private static final String PT_LOGIN = "ortiz";
    private static final String PASSWORD = "rebound-demo";

    private static final Duration BACKGROUND = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSystem system;
    private static Pages pages;
    private static String web;

    @BeforeAll
    static void start() throws Exception {
        system = SharedSystem.get();
        pages = new Pages();
        web = system.webUrl();
    }

    @AfterAll
    static void closeBrowsers() {
        if (pages != null) {
            pages.close();
        }
    }

    private static Browser browser() throws Exception {
        return pages.browser();
    }

    private static void look(Browser browser, String name) throws Exception {
        pages.look(browser, name);
    }

    /** The runner's connections as activity-service lists them to the runner's own app. */
    private static JsonNode connections() throws Exception {
        return JSON.readTree(RestClient.get(system.activity().baseUrl() + "/api/v1/runners/" + RUNNER_ID + "/connections",
                system.runnerToken(RUNNER_ID)).body());
    }

    @Test
    void theRunnerConnectsStravaComesBackConnectedAndDisconnects() throws Exception {
        Providers.StravaAthlete athlete = system.providers()
                .stravaAthleteWhoSaysYes(web + "/devices/callback/strava");
        Browser runner = browser();
        runner.go(web + "/runners/" + RUNNER_ID + "/devices");
        runner.signIn(RUNNER_LOGIN, PASSWORD, web);
        runner.awaitUrl(url -> url.endsWith("/runners/" + RUNNER_ID + "/devices"));
        assertThat(runner.all("#connect-strava")).as("Strava is offered: the server has its client id").hasSize(1);
        assertThat(runner.all("#connect-polar")).as("Polar is not configured here, so not offered").isEmpty();
        assertThat(runner.all("#connect-garmin")).as("Garmin is not configured here, so not offered").isEmpty();
        look(runner, "devices");

        // Clicked, then followed by address: the page goes to "Strava" and back, a cross-origin chain during which
        // chromedriver may fail to tell whether the old form is gone (what Browser.submit waits for).
        runner.find("#connect-strava button").click();
        runner.awaitUrl(url -> url.startsWith(web + "/runners/" + RUNNER_ID + "/devices?"));
        assertThat(runner.text("#devices-notice")).contains("Strava is connected").contains("last 16 weeks");
        assertThat(runner.text("#connections .device[data-provider='strava']"))
                .contains("Connected").contains(Long.toString(athlete.id()));
        assertThat(system.providers().stravaTokenExchanges(athlete)).as("the code traded for tokens once").isEqualTo(1);
        JsonNode listed = connections().path("connections");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("provider").asText()).isEqualTo("strava");
        assertThat(listed.get(0).path("providerUserId").asText()).as("the athlete from Strava's token answer")
                .isEqualTo(Long.toString(athlete.id()));
        assertThat(listed.get(0).path("status").asText()).isEqualTo("connected");
        await().atMost(BACKGROUND).untilAsserted(() -> assertThat(system.providers().stravaActivityPages(athlete))
                .as("the last 16 weeks asked of Strava").isPositive());
        look(runner, "devices-connected");

        // An answer "from Strava" the runner never asked for (the attempt's cookie is used up): nothing changes.
        runner.go(web + "/devices/callback/strava?state=made-up-state&code=" + athlete.code() + "&scope=read,activity:read_all");
        runner.awaitUrl(url -> url.contains("/runners/" + RUNNER_ID + "/devices?"));
        assertThat(runner.text("#devices-notice")).contains("nothing changed");
        assertThat(system.providers().stravaTokenExchanges(athlete)).as("no second trade of the code").isEqualTo(1);
        look(runner, "devices-refused-answer");

        runner.find("#disconnect-strava").click();
        runner.awaitUrl(url -> url.endsWith("/devices/strava/disconnect"));
        assertThat(runner.text("h1")).isEqualTo("Disconnect Strava?");
        look(runner, "devices-disconnect");
        runner.find("#disconnect button").click();
        runner.awaitUrl(url -> url.contains("outcome=disconnected"));
        assertThat(runner.text("#devices-notice")).contains("Strava is disconnected");
        assertThat(runner.all("#connections")).as("nothing listed").isEmpty();
        assertThat(runner.all("#connect-strava")).as("Strava offered again").hasSize(1);
        assertThat(connections().path("connections")).isEmpty();
        await().atMost(BACKGROUND).untilAsserted(() -> assertThat(system.providers().stravaDeauthorizations(athlete))
                .as("our access given back at Strava").isEqualTo(1));
        look(runner, "devices-disconnected");
    }

    @Test
    void aPtSeesTheirRunnersDevicesPageWithoutConnectOrDisconnect() throws Exception {
        Runner theirs = Runner.create("devices");
        theirs.createPlan(system, LocalDate.now(Runner.ZONE).minusDays(10), PT_ID);
        Browser pt = browser();
        pt.go(web + "/runners/" + theirs.id() + "/devices");
        pt.signIn(PT_LOGIN, PASSWORD, web);
        pt.awaitUrl(url -> URI.create(url).getPath().equals("/runners/" + theirs.id() + "/devices"));
        assertThat(pt.text("h1")).isEqualTo("Devices: Sam Strider");
        assertThat(pt.all("main form")).as("nothing to press").isEmpty();
        assertThat(pt.all("a[id^='disconnect-']")).isEmpty();
        look(pt, "pt-devices");
    }
}
