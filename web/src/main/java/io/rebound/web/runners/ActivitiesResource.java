package io.rebound.web.runners;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rebound.web.client.ActivityApi;
import io.rebound.web.client.ActivityInput;
import io.rebound.web.client.ActivityView;
import io.rebound.web.client.ApiException;
import io.rebound.web.client.JsonLists;
import io.rebound.web.client.LedgerActivity;
import io.rebound.web.client.PlanApi;
import io.rebound.web.client.PlanView;
import io.rebound.web.client.UploadAnswer;
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
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A runner's activities. The runner (and an admin) reads them from activity-service and can upload a watch's file,
 * correct an activity or delete it; a PT, who may not call activity-service, reads plan-service's copy.
 */
@Path("/runners/{runnerId}/activities")
public class ActivitiesResource {

    private static final int LIMIT = 50;
    private static final Pattern ACTIVITY_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    static final List<String> SPORTS = List.of("run", "trail_run", "treadmill_run", "track_run", "walk", "hike", "ride",
            "swim", "elliptical", "row", "yoga", "pilates", "strength", "massage", "other");
    private static final Set<String> FILE_TYPES = Set.of("fit", "gpx", "tcx");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activities(Viewer viewer, String section, PlanView plan, String runnerId,
                String unit, boolean editable, List<ActivityRow> activities, List<String> sports, String editing,
                ActivityForm form, FormErrors errors, String notice);
    }

    /** The correction form as sent: the start in the runner's zone, the distance in their unit. */
    public static class ActivityForm {
        @RestForm public String sport;
        @RestForm public String date;
        @RestForm public String time;
        @RestForm public String durationMinutes;
        @RestForm public String distance;
        @RestForm public String perceivedEffort;

        public static final Map<String, String> FIELDS = Map.of("sport", "sport", "startTime", "date",
                "durationSeconds", "durationMinutes", "distanceMetres", "distance", "perceivedEffort", "perceivedEffort");
    }

    private final PlanApi plans;
    private final ActivityApi activities;
    private final Viewers viewers;

    public ActivitiesResource(@RestClient PlanApi plans, @RestClient ActivityApi activities, Viewers viewers) {
        this.plans = plans;
        this.activities = activities;
        this.viewers = viewers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@PathParam("runnerId") String runnerId, @QueryParam("done") String done) {
        String id = RunnerResource.checked(runnerId);
        Viewer viewer = viewers.current();
        return page(viewer, id, null, null, FormErrors.none(), notice(done));
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@PathParam("runnerId") String runnerId, @RestForm("file") FileUpload file) {
        String id = RunnerResource.checked(runnerId);
        Viewer viewer = viewers.current();
        if (file == null || file.size() == 0) {
            return again(viewer, id, null, null, FormErrors.field("file", "Choose a FIT, GPX or TCX file from your watch."));
        }
        String name = file.fileName() == null ? "" : file.fileName();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
        if (!FILE_TYPES.contains(extension)) {
            return again(viewer, id, null, null, FormErrors.field("file",
                    "\"" + name + "\" is not a FIT, GPX or TCX file; pick a file ending in .fit, .gpx or .tcx."));
        }
        UploadAnswer answer;
        try {
            ClientMultipartForm form = ClientMultipartForm.create()
                    .binaryFileUpload("file", name, file.uploadedFile().toString(), MediaType.APPLICATION_OCTET_STREAM);
            answer = activities.upload(id, form);
        } catch (ApiException e) {
            if (!e.isFormProblem() && e.status() != 413) {
                throw e;
            }
            FormErrors errors = e.status() == 413 ? FormErrors.field("file", "This file is too large; files up to 25 MB are taken.")
                    : FormErrors.from(e.problem(), Map.of("file", "file"));
            if (!errors.has("file") && !errors.general().isEmpty()) {
                errors = FormErrors.field("file", String.join(" ", errors.general()));
            }
            return again(viewer, id, null, null, errors);
        }
        String outcome = answer == null || answer.outcome() == null ? "recorded" : answer.outcome();
        boolean known = outcome.contains("dup") || outcome.contains("same") || outcome.contains("known");
        String done = known ? "duplicate" : answer != null && answer.count() > 1 ? "uploaded-legs" : "uploaded";
        return Response.seeOther(URI.create("/runners/" + id + "/activities?done=" + done)).build();
    }

    @POST
    @Path("/{activityId}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.TEXT_HTML)
    public Response correct(@PathParam("runnerId") String runnerId, @PathParam("activityId") String activityId,
            @BeanParam ActivityForm form) {
        String id = RunnerResource.checked(runnerId);
        String activity = checkedActivity(activityId);
        Viewer viewer = viewers.current();
        PlanView plan = planOrNull(id);
        String unit = plan == null ? "km" : Units.code(plan.distanceUnit());
        ZoneId zone = zoneOf(plan);
        Map<String, String> problems = new LinkedHashMap<>();
        String sport = form.sport == null ? "" : form.sport.strip();
        if (!SPORTS.contains(sport)) {
            problems.put("sport", "Choose what kind of activity it was.");
        }
        java.time.OffsetDateTime start = null;
        try {
            start = LocalDate.parse(form.date == null ? "" : form.date.strip())
                    .atTime(LocalTime.parse(form.time == null ? "" : form.time.strip())).atZone(zone).toOffsetDateTime();
        } catch (DateTimeException e) {
            problems.put("date", "Enter the day and the time it started.");
        }
        Long seconds = null;
        try {
            double minutes = Double.parseDouble(form.durationMinutes == null ? "" : form.durationMinutes.strip().replace(',', '.'));
            if (minutes <= 0 || minutes > 24 * 60) {
                problems.put("durationMinutes", "Enter how many minutes it took, from 1 to 1440.");
            } else {
                seconds = Math.max(1, Math.round(minutes * 60));
            }
        } catch (NumberFormatException e) {
            problems.put("durationMinutes", "Enter how many minutes it took, for example 35.");
        }
        Double metres = null;
        try {
            metres = Units.parseToMetres(form.distance == null || form.distance.isBlank() ? "0" : form.distance, unit);
        } catch (IllegalArgumentException e) {
            problems.put("distance", e.getMessage());
        }
        Integer effort = null;
        if (form.perceivedEffort != null && !form.perceivedEffort.isBlank()) {
            try {
                effort = Integer.parseInt(form.perceivedEffort.strip());
                if (effort < 1 || effort > 10) {
                    problems.put("perceivedEffort", "Rate the effort from 1 (very easy) to 10 (all out), or leave it empty.");
                    effort = null;
                }
            } catch (NumberFormatException e) {
                problems.put("perceivedEffort", "Rate the effort from 1 (very easy) to 10 (all out), or leave it empty.");
            }
        }
        if (!problems.isEmpty()) {
            return again(viewer, id, activity, form, FormErrors.fields(problems));
        }
        try {
            ActivityView current = activities.get(id, activity);
            boolean run = sport.endsWith("run") || sport.equals("run");
            activities.correct(id, activity, new ActivityInput(id, sport, start, seconds, metres, effort,
                    current.averageHeartRate(), run ? current.strides() : null,
                    "massage".equals(sport) ? current.massageDepth() : null));
        } catch (ApiException e) {
            if (!e.isFormProblem()) {
                throw e;
            }
            return again(viewer, id, activity, form, FormErrors.from(e.problem(), ActivityForm.FIELDS));
        }
        return Response.seeOther(URI.create("/runners/" + id + "/activities?done=corrected")).build();
    }

    @POST
    @Path("/{activityId}/delete")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response delete(@PathParam("runnerId") String runnerId, @PathParam("activityId") String activityId) {
        String id = RunnerResource.checked(runnerId);
        activities.delete(id, checkedActivity(activityId));
        return Response.seeOther(URI.create("/runners/" + id + "/activities?done=deleted")).build();
    }

    private Response again(Viewer viewer, String id, String editing, ActivityForm form, FormErrors errors) {
        String html = page(viewer, id, editing, form, errors, null).render();
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(html).build();
    }

    private TemplateInstance page(Viewer viewer, String id, String editing, ActivityForm form, FormErrors errors,
            String notice) {
        PlanView plan = planOrNull(id);
        String unit = plan == null ? "km" : Units.code(plan.distanceUnit());
        ZoneId zone = zoneOf(plan);
        boolean editable = viewer.isRunner(id) || viewer.admin();
        List<ActivityRow> rows;
        if (editable) {
            // Both services list the newest first.
            rows = activities.list(id, LIMIT).stream().map(a -> ActivityRow.of(a, unit, zone)).toList();
        } else {
            if (plan == null) {
                throw io.rebound.web.errors.PageException.notFound();
            }
            rows = JsonLists.items(plans.activities(id, LIMIT), LedgerActivity.class).stream()
                    .map(a -> ActivityRow.of(a, unit)).toList();
        }
        return Templates.activities(viewer, viewer.isRunner(id) ? "activities" : "runners", plan, id, unit, editable,
                rows, SPORTS, editing, form == null ? new ActivityForm() : form, errors, notice);
    }

    /** The runner's plan, for their unit and zone; a runner may have activities before any plan names them. */
    private PlanView planOrNull(String id) {
        try {
            return plans.plan(id);
        } catch (ApiException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static ZoneId zoneOf(PlanView plan) {
        try {
            return plan == null ? ZoneId.of("UTC") : ZoneId.of(plan.timeZone());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "uploaded" -> "Your file is in: the activity is added and checked against your plan.";
            case "uploaded-legs" -> "Your multisport file is in: each leg is added as an activity of its own and checked"
                    + " against your plan, so a run leg counts as a run.";
            case "duplicate" -> "We already had this activity, so nothing changed.";
            case "corrected" -> "Saved. The plan is checked again with the corrected activity.";
            case "deleted" -> "Deleted. The plan is checked again without it.";
            default -> null;
        };
    }

    private static String checkedActivity(String activityId) {
        if (activityId == null || !ACTIVITY_ID.matcher(activityId).matches()) {
            throw io.rebound.web.errors.PageException.notFound();
        }
        return activityId;
    }
}
