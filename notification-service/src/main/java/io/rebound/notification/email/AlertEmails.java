package io.rebound.notification.email;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import io.rebound.notification.NotificationConfig;
import io.rebound.notification.preferences.EmailFooter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
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
        return new AlertEmail(alert.runnerId(), runnerName, ptName, alert.severity().name(), alert.ruleText(),
                alert.day(), alert.phase().title(), alert.phase().describe(), described, sport, distance, duration,
                activity.startTime().toLocalTime().format(TIME), alert.date().format(DATE),
                amount(alert.quantity(), alert.limit(), unit), amount(alert.quantity(), alert.actual(), unit),
                allowance(alert, unit), whyItMatters(alert.phase()), whatToDoToday(alert.phase()),
                alert.severity() == Severity.OVERLOAD, activity.activityId().toString(), statusLink(alert.runnerId()));
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

    public RenderedEmail render(RecipientRole role, AlertEmail email, EmailFooter footer) {
        Template text = role == RecipientRole.PT ? ptText : runnerText;
        Template html = role == RecipientRole.PT ? ptHtml : runnerHtml;
        return new RenderedEmail(text.data("email", email).data("footer", footer).render(),
                html.data("email", email).data("footer", footer).render());
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

    private static String whatToDoToday(Phase phase) {
        return switch (phase) {
            case PRE_PLAN, REST -> "Rest today. A short, easy walk is fine if you feel like moving; running and other"
                    + " training can wait for later in your plan.";
            case RECOVER -> "Leave running out for now. Easy cross-training is welcome instead: a gentle ride, swim or"
                    + " elliptical session of up to 40 minutes, at a pace where you could chat.";
            case REINTRODUCE -> "Make today a rest day or an easy cross-training day, and keep your next runs short,"
                    + " easy and on no more than three days this week.";
            case REBUILD -> "Take an easy day: rest, a walk or light cross-training. Let your next run be relaxed"
                    + " rather than long or hard.";
            case RESUME, COMPLETE -> "Take an easy day or two, and hold your running steady for a while before"
                    + " adding more.";
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
