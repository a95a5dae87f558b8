package io.rebound.web.runners;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rebound.web.calendar.PlanCalendar;
import io.rebound.web.chart.PlanWindows;
import io.rebound.web.chart.WindowChart;
import io.rebound.web.client.ApiException;
import io.rebound.web.client.CapsView;
import io.rebound.web.client.FindingView;
import io.rebound.web.client.JsonLists;
import io.rebound.web.client.LedgerActivity;
import io.rebound.web.client.PlanApi;
import io.rebound.web.client.PlanView;
import io.rebound.web.client.TodayView;
import io.rebound.web.client.WindowRunning;
import io.rebound.web.errors.PageException;
import io.rebound.web.format.Units;
import io.rebound.web.forms.FormErrors;
import io.rebound.web.security.Viewer;
import io.rebound.web.security.Viewers;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * One runner. The runner sees their day; a PT or admin sees where the runner stands against the caps, the recent
 * activities, the findings, and changes the caps. Which runners a person may open is the services' call: for
 * anyone else's, plan-service answers 404 and so does this page.
 */
@Path("/runners/{runnerId}")
public class RunnerResource {

    static final Pattern RUNNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int RECENT = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance today(Viewer viewer, String section, PlanView plan, TodayFacts today,
                List<FindingView> findings);

        static native TemplateInstance overview(Viewer viewer, String section, PlanView plan, TodayFacts today,
                List<ActivityRow> activities, List<FindingView> findings, CapsTable caps,
                List<CapsHistory.Entry> history, CapsForm form, FormErrors errors, String saved);

        static native TemplateInstance plan(Viewer viewer, String section, PlanView plan, List<List<PlanCalendar.Day>> weeks,
                List<PlanCalendar.Phase> key, String dailyChart, String totalChart, String window);
    }

    /** The caps form's fields. */
    public static class CapsFields {
        @RestForm public String phase;
        @RestForm public String runDaysSoft;
        @RestForm public String runDaysHard;
        @RestForm public String singleRunDistance;
        @RestForm public String volumeSoftShare;
        @RestForm public String volumeHardShare;
        @RestForm public String crossTrainingDaysMax;
        @RestForm public String crossTrainingSessionMinutes;
        @RestForm public String injured;
        @RestForm public String reason;

        CapsForm form() {
            return new CapsForm(phase, runDaysSoft, runDaysHard, singleRunDistance, volumeSoftShare, volumeHardShare,
                    crossTrainingDaysMax, crossTrainingSessionMinutes, injured, reason);
        }
    }

    private final PlanApi plans;
    private final Viewers viewers;

    public RunnerResource(@RestClient PlanApi plans, Viewers viewers) {
        this.plans = plans;
        this.viewers = viewers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance runner(@PathParam("runnerId") String runnerId, @QueryParam("saved") String saved) {
        String id = checked(runnerId);
        Viewer viewer = viewers.current();
        PlanView plan = plans.plan(id);
        TodayFacts today = TodayFacts.of(plans.today(id));
        List<FindingView> findings = newestFirst(plans.findings(id));
        if (!viewer.staff()) {
            List<FindingView> raised = findings.stream()
                    .filter(f -> "RAISED".equals(f.state()) && !"ADVISORY".equals(f.severity())).limit(5).toList();
            return Templates.today(viewer, "today", plan, today, raised);
        }
        return overview(viewer, plan, today, findings, CapsForm.empty(defaultPhase(plan)), FormErrors.none(),
                "caps".equals(saved) ? "The caps are saved and the runner's activities are being checked against them again."
                        : "injured".equals(saved) ? "Saved." : null);
    }

    @POST
    @Path("/caps")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.TEXT_HTML)
    public Response changeCaps(@PathParam("runnerId") String runnerId, @BeanParam CapsFields fields) {
        String id = checked(runnerId);
        Viewer viewer = viewers.staff();
        PlanView plan = plans.plan(id);
        CapsForm form = fields.form();
        CapsForm.Result result = form.parse(viewer.displayName(), plan.distanceUnit());
        FormErrors errors = result.errors();
        if (!errors.any()) {
            try {
                plans.changeCaps(id, result.change());
                boolean onlyInjured = result.change().phases() == null;
                return Response.seeOther(URI.create("/runners/" + id + "?saved=" + (onlyInjured ? "injured" : "caps")
                        + "#caps")).build();
            } catch (ApiException e) {
                if (!e.isFormProblem()) {
                    throw e;
                }
                errors = FormErrors.from(e.problem(), CapsForm.FIELDS);
            }
        }
        TodayFacts today = TodayFacts.of(plans.today(id));
        String html = overview(viewer, plan, today, newestFirst(plans.findings(id)), form, errors, null).render();
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(html).build();
    }

    @GET
    @Path("/plan")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance plan(@PathParam("runnerId") String runnerId) {
        String id = checked(runnerId);
        Viewer viewer = viewers.current();
        PlanView plan = plans.plan(id);
        List<List<PlanCalendar.Day>> weeks = plan.today() == null ? List.of()
                : PlanCalendar.weeks(plan.raceDate(), plan.today().date());
        Optional<WindowRunning> window = PlanWindows.current(plan, recentActivities(id, 200));
        String daily = null;
        String total = null;
        String windowName = null;
        if (window.isPresent()) {
            WindowChart chart = new WindowChart(window.get(), plan.distanceUnit(), plan.today().day(), "plan-chart");
            daily = chart.dailySvg();
            total = chart.totalSvg();
            windowName = PlanCalendar.Phase.of(plan.today().day()).describe();
        }
        return Templates.plan(viewer, viewer.isRunner(id) ? "plan" : "runners", plan, weeks, PlanCalendar.key(), daily,
                total, windowName);
    }

    private TemplateInstance overview(Viewer viewer, PlanView plan, TodayFacts today, List<FindingView> findings,
            CapsForm form, FormErrors errors, String saved) {
        String id = plan.runnerId();
        CapsView caps = plans.caps(id);
        List<ActivityRow> recent = recentActivities(id, RECENT).stream()
                .map(a -> ActivityRow.of(a, plan.distanceUnit())).toList();
        return Templates.overview(viewer, "runners", plan, today, recent, findings,
                CapsTable.of(caps.caps(), plan.peakWeek() == null ? 0 : plan.peakWeek().metres(), plan.distanceUnit()),
                CapsHistory.of(caps, plan.distanceUnit()), form, errors, saved);
    }

    /**
     * The runner's recent activities, newest first, as plan-service's ledger holds them: it answers every role that
     * may see the runner (PTs may not call activity-service), and 404 for one who may not, like the other calls.
     */
    List<LedgerActivity> recentActivities(String runnerId, int limit) {
        return JsonLists.items(plans.activities(runnerId, limit), LedgerActivity.class);
    }

    private static List<FindingView> newestFirst(List<FindingView> findings) {
        return findings == null ? List.of() : findings.stream()
                .sorted(Comparator.comparing(FindingView::raisedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** The phase the caps form starts on: today's, when it has caps, else Reintroduce. */
    static String defaultPhase(PlanView plan) {
        String phase = plan.today() == null ? null : plan.today().phase();
        return phase != null && CapsForm.PHASES.contains(phase) ? phase : "REINTRODUCE";
    }

    /** A runner id that cannot be one is the 404 page without asking. */
    public static String checked(String runnerId) {
        if (runnerId == null || !RUNNER_ID.matcher(runnerId).matches()) {
            throw PageException.notFound();
        }
        return runnerId;
    }

    static String unit(PlanView plan) {
        return Units.code(plan.distanceUnit());
    }
}
