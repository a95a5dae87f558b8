package io.rebound.notification.email;

import io.quarkus.logging.Log;
import io.quarkus.qute.Template;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.OverloadAlertRaised.WindowRunning;
import io.rebound.events.Severity;
import io.rebound.notification.NotificationConfig;
import io.rebound.notification.chart.RunChart;
import io.rebound.notification.chart.RunChartRenderer;
import io.rebound.notification.email.words.Wording;
import io.rebound.notification.email.words.Wordings;
import io.rebound.notification.preferences.EmailFooter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The emails about an alert: their subjects, the template model (every value worded in the configured language),
 * and both parts of each message with the window's chart inline.
 */
@ApplicationScoped
public class AlertEmails {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final EmailTemplates templates;
    private final Wording words;
    private final String baseUrl;
    private final RunChartRenderer charts = new RunChartRenderer();
    private final AlertCharts pngs;

    public AlertEmails(EmailTemplates templates, Wordings wordings, NotificationConfig config, AlertCharts pngs) {
        this.templates = templates;
        this.pngs = pngs;
        this.words = wordings.chosen();
        String base = config.baseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** For example "Rebound: ease off — a run on day 2 of your rest phase" or "Rebound: Ann Lee — OVERLOAD on day 2 (Rest)". */
    public String subject(RecipientRole role, OverloadAlertRaised alert, String runnerName) {
        return words.alertSubject(role == RecipientRole.PT, alert, runnerName);
    }

    public AlertEmail model(OverloadAlertRaised alert, String runnerName, String ptName) {
        OverloadAlertRaised.TippingActivity activity = alert.activity();
        RunChart chart = chartOf(alert);
        return new AlertEmail(alert.runnerId(), runnerName, ptName, alert.severity().name(), alert.ruleText(),
                alert.day(), words.phaseTitle(alert.phase()), words.phaseDescription(alert.phase()), words.activity(alert),
                words.sport(alert), words.distance(activity.distanceMetres(), alert.distanceUnit()),
                words.duration(activity.durationSeconds()), activity.startTime().toLocalTime().format(TIME),
                words.date(alert.date()), words.amount(alert.quantity(), alert.limit(), alert.distanceUnit()),
                words.amount(alert.quantity(), alert.actual(), alert.distanceUnit()), words.allowance(alert),
                words.whyItMatters(alert.phase()), words.whatToDoToday(alert), alert.severity() == Severity.OVERLOAD,
                activity.activityId().toString(), statusLink(alert.runnerId()), baseUrl + "/alerts/" + alert.alertId(), chart,
                chart == null ? null : charts.describe(chart));
    }

    /** The alert's window as a chart, when plan-service sent its running day by day. */
    private RunChart chartOf(OverloadAlertRaised alert) {
        WindowRunning running = alert.running();
        if (running == null) {
            return null;
        }
        try {
            return new RunChart(words.chartHeading(alert.phase(), running.firstDay(), running.lastDay()),
                    running.firstDay(), running.lastDay(), running.dailyRunMetres(), running.singleRunCapMetres(),
                    running.volumeSoftCapMetres(), running.volumeHardCapMetres(), alert.distanceUnit(), alert.day());
        } catch (IllegalArgumentException e) {
            Log.warnf("alert %s carries a window that cannot be charted, sending without the chart: %s",
                    alert.alertId(), e.getMessage());
            return null;
        }
    }

    /** The subject of the note that an alert no longer applies, from the alert email's own subject. */
    public String withdrawalSubject(String alertSubject) {
        return words.withdrawalSubject(alertSubject);
    }

    /** The note that an alert already sent no longer applies, and why. */
    public RenderedEmail renderWithdrawal(RecipientRole role, AlertEmail email, String reason, EmailFooter footer) {
        boolean toRunner = role == RecipientRole.RUNNER;
        return new RenderedEmail(
                templates.get("withdrawn.txt").data("email", email).data("reason", reason).data("toRunner", toRunner)
                        .data("footer", footer).render(),
                templates.get("withdrawn.html").data("email", email).data("reason", reason).data("toRunner", toRunner)
                        .data("footer", footer).render());
    }

    /** Both parts of the alert email, with the window's chart inline when there is one (drawn once per alert). */
    public RenderedEmail render(UUID alertId, RecipientRole role, AlertEmail email, EmailFooter footer) {
        String name = role == RecipientRole.PT ? "pt" : "runner";
        List<RenderedEmail.InlineImage> images = List.of();
        AlertEmail shown = email;
        if (email.chart() != null) {
            try {
                images = List.of(new RenderedEmail.InlineImage(AlertEmail.CHART_ID, "chart.png", pngs.png(alertId, email.chart())));
            } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
                // A machine without fonts cannot draw text; the email still goes, with the chart in words only.
                Log.warnf("cannot draw the chart for runner %s, sending without it: %s", email.runnerId(), e);
                shown = email.withoutChart();
            }
        }
        Template text = templates.get(name + ".txt");
        Template html = templates.get(name + ".html");
        return new RenderedEmail(text.data("email", shown).data("footer", footer).render(),
                html.data("email", shown).data("footer", footer).render(), images);
    }

    /** The runner's page in the web app: for the runner their day, for the PT their plan and activities. */
    private String statusLink(String runnerId) {
        return baseUrl + "/runners/" + URLEncoder.encode(runnerId, StandardCharsets.UTF_8);
    }
}
