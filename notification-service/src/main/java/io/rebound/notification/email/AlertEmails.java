package io.rebound.notification.email;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.OverloadAlertRaised.WindowRunning;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import io.rebound.notification.NotificationConfig;
import io.quarkus.logging.Log;
import io.rebound.notification.chart.RunChart;
import io.rebound.notification.chart.RunChartRenderer;
import io.rebound.notification.preferences.EmailFooter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Words the emails about an alert: subjects, the template model, and both parts of each message. */
@ApplicationScoped
public class AlertEmails {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Template runnerText;
    private final Template runnerHtml;
    private final Template ptText;
    private final Template ptHtml;
    private final Template withdrawnText;
    private final Template withdrawnHtml;
    private final String baseUrl;
    private final RunChartRenderer charts = new RunChartRenderer();

    public AlertEmails(@Location("email/runner.txt") Template runnerText,
            @Location("email/runner.html") Template runnerHtml,
            @Location("email/pt.txt") Template ptText,
            @Location("email/pt.html") Template ptHtml,
            @Location("email/withdrawn.txt") Template withdrawnText,
            @Location("email/withdrawn.html") Template withdrawnHtml,
            NotificationConfig config) {
        this.withdrawnText = withdrawnText;
        this.withdrawnHtml = withdrawnHtml;
        this.runnerText = runnerText;
        this.runnerHtml = runnerHtml;
        this.ptText = ptText;
        this.ptHtml = ptHtml;
        String base = config.baseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** For example "Rebound: ease off — a run on day 2 of your rest phase" or "Rebound: Ann Lee — OVERLOAD on day 2 (Rest)". */
    public String subject(RecipientRole role, OverloadAlertRaised alert, String runnerName) {
        if (role == RecipientRole.PT) {
            return "Rebound: %s — %s on day %d (%s)".formatted(runnerName, alert.severity(), alert.day(),
                    alert.phase().title());
        }
        String opening = alert.severity() == Severity.OVERLOAD ? "ease off" : "a gentle heads-up";
        return "Rebound: %s — a %s on day %d%s".formatted(opening, sport(alert), alert.day(), ofPhase(alert.phase()));
    }

    public AlertEmail model(OverloadAlertRaised alert, String runnerName, String ptName) {
        OverloadAlertRaised.TippingActivity activity = alert.activity();
        DistanceUnit unit = alert.distanceUnit();
        String distance = unit.format(activity.distanceMetres());
        String duration = minutes(activity.durationSeconds());
        String sport = sport(alert);
        String described = activity.distanceMetres() > 0
                ? article(distance) + " " + distance + " " + sport
                : article(duration) + " " + duration + " " + sport + " session";
        RunChart chart = chartOf(alert);
        return new AlertEmail(alert.runnerId(), runnerName, ptName, alert.severity().name(), alert.ruleText(),
                alert.day(), alert.phase().title(), alert.phase().describe(), described, sport, distance, duration,
                activity.startTime().toLocalTime().format(TIME), alert.date().format(DATE),
                amount(alert.quantity(), alert.limit(), unit), amount(alert.quantity(), alert.actual(), unit),
                allowance(alert, unit), whyItMatters(alert.phase()), TodayAdvice.of(alert),
                alert.severity() == Severity.OVERLOAD, activity.activityId().toString(), statusLink(alert.runnerId()),
                chart, chart == null ? null : charts.describe(chart));
    }

    /** The alert's window as a chart, when plan-service sent its running day by day. */
    private static RunChart chartOf(OverloadAlertRaised alert) {
        WindowRunning running = alert.running();
        if (running == null) {
            return null;
        }
        String label = alert.phase() == Phase.COMPLETE
                ? "Days %d-%d".formatted(running.firstDay(), running.lastDay())
                : "%s, days %d-%d".formatted(alert.phase().title(), running.firstDay(), running.lastDay());
        try {
            return new RunChart(label, running.firstDay(), running.lastDay(), running.dailyRunMetres(),
                    running.singleRunCapMetres(), running.volumeSoftCapMetres(), running.volumeHardCapMetres(),
                    alert.distanceUnit(), alert.day());
        } catch (IllegalArgumentException e) {
            Log.warnf("alert %s carries a window that cannot be charted, sending without the chart: %s",
                    alert.alertId(), e.getMessage());
            return null;
        }
    }

    /** The subject of the note that an alert no longer applies, from the alert email's own subject. */
    public String withdrawalSubject(String alertSubject) {
        String rest = alertSubject.startsWith("Rebound: ") ? alertSubject.substring("Rebound: ".length()) : alertSubject;
        return "Rebound: no longer applies — " + rest;
    }

    /** The note that an alert already sent no longer applies, and why. */
    public RenderedEmail renderWithdrawal(RecipientRole role, AlertEmail email, String reason, EmailFooter footer) {
        return new RenderedEmail(
                withdrawnText.data("email", email).data("reason", reason).data("toRunner", role == RecipientRole.RUNNER)
                        .data("footer", footer).render(),
                withdrawnHtml.data("email", email).data("reason", reason).data("toRunner", role == RecipientRole.RUNNER)
                        .data("footer", footer).render());
    }

    /** Both parts of the alert email, with the window's chart inline when there is one. */
    public RenderedEmail render(RecipientRole role, AlertEmail email, EmailFooter footer) {
        Template text = role == RecipientRole.PT ? ptText : runnerText;
        Template html = role == RecipientRole.PT ? ptHtml : runnerHtml;
        List<RenderedEmail.InlineImage> images = List.of();
        AlertEmail shown = email;
        if (email.chart() != null) {
            try {
                images = List.of(new RenderedEmail.InlineImage(AlertEmail.CHART_ID, "chart.png", charts.png(email.chart())));
            } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
                // A machine without fonts cannot draw text; the email still goes, with the chart in words only.
                Log.warnf("cannot draw the chart for runner %s, sending without it: %s", email.runnerId(), e);
                shown = email.withoutChart();
            }
        }
        return new RenderedEmail(text.data("email", shown).data("footer", footer).render(),
                html.data("email", shown).data("footer", footer).render(), images);
    }

    private String statusLink(String runnerId) {
        return baseUrl + "/api/v1/plans/" + URLEncoder.encode(runnerId, StandardCharsets.UTF_8);
    }

    private static String sport(OverloadAlertRaised alert) {
        return alert.activity().sport().code().replace('_', ' ');
    }

    private static String ofPhase(Phase phase) {
        return phase == Phase.PRE_PLAN || phase == Phase.COMPLETE
                ? ""
                : " of your " + phase.title().toLowerCase(Locale.ROOT) + " phase";
    }

    private static String allowance(OverloadAlertRaised alert, DistanceUnit unit) {
        boolean noRunningYet = alert.quantity() == Quantity.RUNS && alert.limit() == 0
                && (alert.phase() == Phase.REST || alert.phase() == Phase.RECOVER);
        if (noRunningYet) {
            return "Your plan allows no running until day %d.".formatted(Phase.REINTRODUCE.firstDay());
        }
        return "Your plan allows %s here (%s); this brought you to %s.".formatted(
                amount(alert.quantity(), alert.limit(), unit), alert.ruleText(),
                amount(alert.quantity(), alert.actual(), unit));
    }

    private static String whyItMatters(Phase phase) {
        return switch (phase) {
            case PRE_PLAN, REST, RECOVER -> "In the days after a marathon your muscles, tendons and bones are still"
                    + " repairing, even when your legs feel ready. A calm first week is what lets you come back strong.";
            case REINTRODUCE, REBUILD, RESUME -> "Fitness comes back faster than tendons and bones adapt, so load that"
                    + " climbs quickly can outpace them. Small, steady steps keep a niggle from becoming an injury.";
            case COMPLETE -> "Load that jumps faster than your body is used to is one of the most common routes to a"
                    + " running injury, even after a full recovery.";
        };
    }

    private static String amount(Quantity quantity, double value, DistanceUnit unit) {
        long whole = Math.round(value);
        return switch (quantity) {
            case RUNS -> whole == 0 ? "no runs" : plural(whole, "run");
            case RUN_DAYS -> whole == 0 ? "no run days" : plural(whole, "run day");
            case METRES -> unit.format(value);
            case SECONDS -> minutes(whole);
            case DAYS -> plural(whole, "day");
            case RATIO -> String.format(Locale.ROOT, "a load ratio of %.2f", value);
            case SESSIONS -> whole == 0 ? "no sessions" : plural(whole, "session");
            case INTENSITY -> intensity(whole);
        };
    }

    /** The event counts intensity as EASY = 0, MODERATE = 1, HARD = 2. */
    private static String intensity(long level) {
        if (level <= 0) {
            return "easy effort";
        }
        return level == 1 ? "moderate effort" : "hard effort";
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String minutes(long seconds) {
        return Math.round(seconds / 60.0) + " min";
    }

    /** "an" before numbers said with a vowel sound (8, 11, 18, 80-89 ...), "a" otherwise. */
    private static String article(String amount) {
        String whole = amount.split("[. ]", 2)[0];
        return whole.startsWith("8") || whole.equals("11") || whole.equals("18") ? "an" : "a";
    }
}
