package io.rebound.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.testkit.InfraAvailable;
import io.rebound.system.web.Browser;
import io.rebound.system.web.Pages;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web app as its people use it, in a real browser (headless Chromium) against the whole running system:
 * they sign in on Keycloak's own login form with the realm's demo users, and every page they reach is
 * photographed at a phone's and a laptop's width (under {@code target/screenshots}) and checked with axe-core.
 *
 * <p>The story runs in order: the demo runner's watch posts a 7 mi run on day 10 (REINTRODUCE allows at most 6 mi
 * in one run: an OVERLOAD); their PT finds it in the inbox, acknowledges it, and raises the cap; the runner looks at
 * their day and uploads a GPX file; the link in the PT's email opens the alert; nobody sees someone else's runner.
 */
@ExtendWith({InfraAvailable.class, SharedSystem.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebIT {

    /** The realm's demo users (infrastructure/src/main/resources/keycloak/rebound-realm.json). */
    private static final String RUNNER_ID = "demo-runner";
    private static final String RUNNER_LOGIN = "sam";
    private static final String PT_ID = "pt-demo";
    private static final String PT_LOGIN = "ortiz";
    private static final String PT_EMAIL = "ortiz@clinic.example.org";
    private static final String ADMIN_LOGIN = "clinic";
    private static final String PASSWORD = "rebound-demo";

    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSystem system;
    private static Pages pages;
    private static String web;
    private static String alertId;

    @BeforeAll
    static void overloadTheDemoRunner() throws Exception {
        system = SharedSystem.get();
        pages = new Pages();
        web = system.webUrl();
        // The clinic enrolled the demo runner ten days after their marathon (day 10, REINTRODUCE), peak week 40 mi.
        String plan = """
                {"runnerId": "%s", "raceDate": "%s", "timeZone": "%s", "peakWeek": {"distance": 40, "unit": "mi"},
                 "runner": {"name": "Sam Demo", "email": "demo-runner@runners.example.org"},
                 "physicalTherapist": {"name": "Dr. Ortiz", "email": "%s", "id": "%s"}}
                """.formatted(RUNNER_ID, LocalDate.now(Runner.ZONE).minusDays(10), Runner.ZONE.getId(), PT_EMAIL, PT_ID);
        assertThat(RestClient.postJson(system.plan().baseUrl() + "/api/v1/plans", plan, system.adminToken()).statusCode())
                .isEqualTo(201);
        // Their watch: 7 mi (11,265 m) this morning, 1 h 5 min.
        String run = """
                {"runnerId": "%s", "sport": "run", "startTime": "%s", "durationSeconds": 3900, "distanceMetres": 11265}
                """.formatted(RUNNER_ID, ZonedDateTime.now(Runner.ZONE).truncatedTo(ChronoUnit.DAYS).plusHours(1).toOffsetDateTime());
        assertThat(RestClient.postJson(system.activity().baseUrl() + "/api/v1/activities", run,
                system.runnerToken(RUNNER_ID)).statusCode()).isEqualTo(202);
        await().atMost(DELIVERY).untilAsserted(() -> {
            JsonNode alerts = JSON.readTree(RestClient.get(system.plan().baseUrl() + "/api/v1/alerts?runnerId=" + RUNNER_ID,
                    system.ptToken(PT_ID)).body()).path("alerts");
            assertThat(alerts).as("the OVERLOAD in plan-service").anyMatch(a -> "OVERLOAD".equals(a.path("severity").asText()));
            alertId = alerts.get(0).path("alertId").asText();
        });
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

    @Test
    @Order(1)
    void thePtSignsInSeesTheOverloadAcknowledgesItAndRaisesTheCap() throws Exception {
        Browser pt = browser();
        pt.go(web + "/inbox");
        pt.awaitUrl(url -> url.contains("/realms/rebound/"));
        assertThat(pt.url()).as("sent to Keycloak's own login form").startsWith(system.keycloak().baseUrl());
        pt.screenshots("sign-in");
        pt.signIn(PT_LOGIN, PASSWORD, web);

        assertThat(URI.create(pt.url()).getPath()).as("back on the page asked for").isEqualTo("/inbox");
        assertThat(pt.title()).as("the unread count in the title").startsWith("(1)");
        WebElement overload = pt.find("#inbox .alert[data-alert-id='" + alertId + "']");
        assertThat(overload.getAttribute("data-severity")).isEqualTo("OVERLOAD");
        assertThat(overload.getText()).contains("Sam Demo");
        look(pt, "pt-inbox");

        overload.findElement(org.openqa.selenium.By.cssSelector("a")).click();
        pt.awaitUrl(url -> url.endsWith("/alerts/" + alertId));
        String page = pt.text("main");
        assertThat(page).as("the numbers, in the runner's unit").contains("7").contains("6").contains("mi");
        assertThat(pt.all("main svg")).as("the window chart").isNotEmpty();
        look(pt, "pt-alert");

        pt.fill("#acknowledge", "note", "Called Sam: easy 3 mi until Friday.");
        pt.submit("#acknowledge");
        assertThat(pt.text("#acknowledged")).contains("Called Sam: easy 3 mi until Friday.");
        look(pt, "pt-alert-acknowledged");
        pt.go(web + "/inbox");
        assertThat(pt.title()).as("nothing left unread").doesNotStartWith("(1)");

        pt.go(web + "/runners/" + RUNNER_ID);
        assertThat(pt.text("#findings")).contains("Overload", "no single run over 6.00 mi", "Raised");
        look(pt, "pt-runner");
        new Select(pt.find("#caps-form select[name='phase']")).selectByValue("REINTRODUCE");
        pt.fill("#caps-form", "singleRunDistance", "8");
        pt.fill("#caps-form", "reason", "Sam's long runs were 20 mi in the block; 7 mi is fine.");
        pt.submit("#caps-form");
        assertThat(pt.text("#caps-history")).contains("Sam's long runs were 20 mi in the block");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            pt.go(web + "/runners/" + RUNNER_ID);
            assertThat(pt.find("#findings").getText()).as("re-evaluated under the new cap")
                    .contains("no single run over 6.00 mi").contains("Withdrawn").doesNotContain("Raised");
        });
        look(pt, "pt-runner-after-caps");
    }

    @Test
    @Order(2)
    void theRunnerSeesTodayAndUploadsAGpxFileThatIsListed() throws Exception {
        Browser runner = browser();
        runner.go(web + "/");
        runner.signIn(RUNNER_LOGIN, PASSWORD, web);
        runner.awaitUrl(url -> url.contains("/runners/" + RUNNER_ID));
        assertThat(runner.text("#today")).as("today, in miles").contains("mi");
        look(runner, "runner-today");

        runner.go(web + "/runners/" + RUNNER_ID + "/plan");
        look(runner, "runner-plan");

        runner.go(web + "/runners/" + RUNNER_ID + "/activities");
        int before = runner.all("#activities .activity").size();
        look(runner, "runner-activities");
        Path gpx = Files.writeString(Files.createTempFile("evening-run", ".gpx"), gpxRunYesterday());
        runner.find("#upload input[type='file']").sendKeys(gpx.toAbsolutePath().toString());
        runner.submit("#upload");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            runner.go(web + "/runners/" + RUNNER_ID + "/activities");
            assertThat(runner.all("#activities .activity")).as("the upload listed").hasSize(before + 1);
        });
        look(runner, "runner-activities-after-upload");

        for (String path : List.of("/runners/" + RUNNER_ID + "/devices", "/settings/email")) {
            runner.go(web + path);
            assertThat(runner.find("h1").getText()).isNotBlank();
            look(runner, "runner" + path.replace('/', '-').replace("-runners-" + RUNNER_ID, ""));
        }
    }

    @Test
    @Order(3)
    void aRunnerOpeningAnotherRunnersPageGetsNotFound() throws Exception {
        Runner other = Runner.create("web-other");
        other.createPlan(system, LocalDate.now(Runner.ZONE).minusDays(10));
        Browser runner = browser();
        runner.go(web + "/runners/" + other.id());
        runner.signIn(RUNNER_LOGIN, PASSWORD, web);
        assertThat(runner.find("h1").getText()).isEqualTo("Not found");
        assertThat(runner.text("main")).doesNotContain("Sam Strider");
        look(runner, "not-found");
        assertThat(statusWithCookiesOf(runner, web + "/runners/" + other.id())).isEqualTo(404);
        assertThat(statusWithCookiesOf(runner, web + "/runners/" + RUNNER_ID)).as("their own page, same session").isEqualTo(200);
    }

    @Test
    @Order(4)
    void theLinkInThePtsEmailOpensTheAlertAfterSignIn() throws Exception {
        MimeMessage email = await().atMost(DELIVERY).until(() -> system.mailbox().messagesTo(PT_EMAIL).stream()
                .filter(m -> html(m).contains("/alerts/" + alertId)).findFirst().orElse(null), m -> m != null);
        Matcher link = Pattern.compile("href=\"(" + Pattern.quote(web) + "/alerts/" + alertId + ")\"").matcher(html(email));
        assertThat(link.find()).as("a link to the alert in the web app").isTrue();

        Browser pt = browser();
        pt.go(link.group(1));
        pt.signIn(PT_LOGIN, PASSWORD, web);
        pt.awaitUrl(url -> url.endsWith("/alerts/" + alertId));
        assertThat(pt.find("#acknowledged").getText()).contains("Called Sam");
    }

    @Test
    @Order(5)
    void theClinicAdminEnrolsARunnerAndSeesThePlanListed() throws Exception {
        Browser admin = browser();
        admin.go(web + "/admin/enrol");
        admin.signIn(ADMIN_LOGIN, PASSWORD, web);
        admin.awaitUrl(url -> url.endsWith("/admin/enrol"));
        look(admin, "admin-enrol");
        String runnerId = "enrolled-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        admin.fill("form#enrol", "runnerId", runnerId);
        admin.fill("form#enrol", "runnerName", "Robin Enrolled");
        admin.fill("form#enrol", "runnerEmail", runnerId + "@runners.example.org");
        admin.fill("form#enrol", "ptId", PT_ID);
        admin.fill("form#enrol", "ptName", "Dr. Ortiz");
        admin.fill("form#enrol", "ptEmail", PT_EMAIL);
        admin.script("document.querySelector(\"form#enrol [name='raceDate']\").value = arguments[0]",
                LocalDate.now(Runner.ZONE).minusDays(3).toString());
        admin.fill("form#enrol", "peakWeekDistance", "50");
        admin.submit("form#enrol");
        admin.go(web + "/admin/plans");
        assertThat(admin.text("main")).contains("Robin Enrolled");
        look(admin, "admin-plans");
        assertThat(RestClient.get(system.plan().baseUrl() + "/api/v1/plans/" + runnerId, system.adminToken()).statusCode())
                .as("the plan is in plan-service").isEqualTo(200);
    }

    /** What the web app answers the browser's session (its cookies) for a page, read without the browser. */
    private static int statusWithCookiesOf(Browser browser, String url) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String html(Part part) {
        try {
            if (part.isMimeType("text/html")) {
                return part.getContent().toString();
            }
            StringBuilder html = new StringBuilder();
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    html.append(html(child));
                }
            }
            return html.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GPX 1.1 track as a watch exports it: 5 km along a straight line in 30 min, yesterday evening. */
    private static String gpxRunYesterday() {
        ZonedDateTime start = ZonedDateTime.now(Runner.ZONE).truncatedTo(ChronoUnit.DAYS).minusDays(1).plusHours(18);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= 30; i++) {
            // 0.0015 degrees of latitude is about 166.8 m: 30 steps make about 5 km.
            points.append("<trkpt lat=\"%.6f\" lon=\"-87.623000\"><ele>180</ele><time>%s</time></trkpt>%n"
                    .formatted(41.800000 + i * 0.0015, start.plusMinutes(i).toInstant()));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="Rebound system test" xmlns="http://www.topografix.com/GPX/1/1">
                  <trk><name>Evening run</name><type>running</type><trkseg>
                %s  </trkseg></trk>
                </gpx>
                """.formatted(points);
    }
}
