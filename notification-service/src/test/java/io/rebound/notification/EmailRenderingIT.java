package io.rebound.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.events.DistanceUnit;
import io.rebound.events.PlanChanged;
import io.rebound.notification.chart.RunChartRenderer;
import io.rebound.notification.email.AlertEmail;
import io.rebound.notification.email.DigestService;
import io.rebound.support.vertx.SafeContexts;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Looks at a runner's alert email and a PT's digest as received by the SMTP server, drawn by headless Chromium:
 * the screenshots land in {@code notification-service/target/rendered/} for a person to look at, and the test checks
 * the browser really drew the inline chart and the text.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class EmailRenderingIT {

    private static final Path OUT = Path.of("target", "rendered");
    private static final int WIDTH = 760;

    @Inject
    DigestService digests;

    @Inject
    Vertx vertx;

    @Test
    void runnerEmailDrawsItsChartAndDigestDrawsEveryRunner() throws Exception {
        Files.createDirectories(OUT);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        PlanChanged.Contact pt = new PlanChanged.Contact("Dr. Ada Moss", "render-" + suffix + "@clinic.example.org",
                "Europe/London");
        PlanChanged first = Events.withPt(Events.plan(Events.runnerId(), DistanceUnit.KM), pt);
        PlanChanged second = Events.withPt(Events.plan(Events.runnerId(), DistanceUnit.MI), pt);
        Events.publishPlan(first);
        Events.publishPlan(second);
        Events.publishAlert(Events.fourthRunDayInReintroduce(first), UUID.randomUUID().toString());
        Events.publishAlert(Events.longRideInRecover(first), UUID.randomUUID().toString());
        Events.publishAlert(Events.longRideInRecover(second), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(Mails.to(first.runner().email())).hasSize(2);
            assertThat(Mails.to(second.runner().email())).hasSize(1);
        });

        MimeMessage runnerEmail = Mails.to(first.runner().email()).stream()
                .filter(m -> subject(m).contains("day 12")).findFirst().orElseThrow();
        Files.write(OUT.resolve("chart.png"), Mails.inline(runnerEmail, AlertEmail.CHART_ID));
        Path runnerHtml = OUT.resolve("runner-email.html");
        Files.writeString(runnerHtml, Mails.part(runnerEmail, "text/html")
                .replace("cid:" + AlertEmail.CHART_ID, "chart.png"), StandardCharsets.UTF_8);
        Path runnerShot = OUT.resolve("runner-email.png");
        Chromium.screenshot(runnerHtml, runnerShot, WIDTH, 1400);

        BufferedImage runner = ImageIO.read(runnerShot.toFile());
        assertThat(runner.getWidth()).isEqualTo(WIDTH);
        assertThat(count(runner, RunChartRenderer.ALERT)).as("the chart's highlighted bar, drawn by the browser")
                .isGreaterThan(200);
        assertThat(count(runner, new Color(0x4E79A7))).as("the chart's other bars").isGreaterThan(200);
        assertThat(inkShare(runner)).as("text on the page").isGreaterThan(0.02);

        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        SafeContexts.on(SafeContexts.fresh(vertx), () -> digests.sendDue(
                        tomorrow.atTime(LocalTime.of(7, 0)).atZone(ZoneId.of("Europe/London")).toInstant()))
                .await().atMost(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> Mails.to(pt.email()).size() == 1);
        MimeMessage digest = Mails.to(pt.email()).get(0);
        Path digestHtml = OUT.resolve("pt-digest.html");
        Files.writeString(digestHtml, Mails.part(digest, "text/html"), StandardCharsets.UTF_8);
        Path digestShot = OUT.resolve("pt-digest.png");
        Chromium.screenshot(digestHtml, digestShot, WIDTH, 1000);

        BufferedImage page = ImageIO.read(digestShot.toFile());
        assertThat(page.getWidth()).isEqualTo(WIDTH);
        assertThat(inkShare(page)).as("text on the page").isGreaterThan(0.02);
        assertThat(Mails.part(digest, "text/html")).contains(first.runner().name(), second.runner().name());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pixels within a small tolerance of the colour (the browser may blend a pixel's edge). */
    private static int count(BufferedImage image, Color colour) {
        int found = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color pixel = new Color(image.getRGB(x, y));
                if (Math.abs(pixel.getRed() - colour.getRed()) <= 6 && Math.abs(pixel.getGreen() - colour.getGreen()) <= 6
                        && Math.abs(pixel.getBlue() - colour.getBlue()) <= 6) {
                    found++;
                }
            }
        }
        return found;
    }

    /** The share of pixels that are clearly not background. */
    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int brightness = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                if (brightness < 160) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }
}
