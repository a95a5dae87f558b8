package io.rebound.web.alerts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rebound.web.client.Acknowledgement;
import io.rebound.web.client.AlertView;
import io.rebound.web.client.ApiException;
import io.rebound.web.client.PlanApi;
import io.rebound.web.forms.FormErrors;
import io.rebound.web.security.Viewer;
import io.rebound.web.security.Viewers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** One alert: its numbers, the window's chart, the activity that tipped it, and the PT's acknowledgement. */
@Path("/alerts/{alertId}")
public class AlertResource {

    static final int NOTE_MAX = 1000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alert(Viewer viewer, String section, AlertFacts facts, String note,
                FormErrors errors);
    }

    private final PlanApi plans;
    private final Viewers viewers;

    public AlertResource(@RestClient PlanApi plans, Viewers viewers) {
        this.plans = plans;
        this.viewers = viewers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance alert(@PathParam("alertId") String alertId) {
        Viewer viewer = viewers.current();
        AlertView alert = plans.alert(checked(alertId));
        return Templates.alert(viewer, viewer.staff() ? "inbox" : "", AlertFacts.of(alert), "", FormErrors.none());
    }

    @POST
    @Path("/acknowledge")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.TEXT_HTML)
    public Response acknowledge(@PathParam("alertId") String alertId, @RestForm("note") String note) {
        Viewer viewer = viewers.staff();
        String id = checked(alertId);
        String text = note == null ? "" : note.strip();
        if (text.length() > NOTE_MAX) {
            return again(viewer, id, text, FormErrors.field("note", "Keep the note to " + NOTE_MAX
                    + " characters or fewer (it has " + text.length() + ")."));
        }
        try {
            plans.acknowledge(id, new Acknowledgement(text.isEmpty() ? null : text));
        } catch (ApiException e) {
            if (!e.isFormProblem()) {
                throw e;
            }
            FormErrors errors = e.status() == 409
                    ? FormErrors.general(conflict(e))
                    : FormErrors.from(e.problem(), Map.of("note", "note"));
            return again(viewer, id, text, errors);
        }
        return Response.seeOther(URI.create("/alerts/" + id)).build();
    }

    private Response again(Viewer viewer, String id, String note, FormErrors errors) {
        AlertView alert = plans.alert(id);
        String html = Templates.alert(viewer, "inbox", AlertFacts.of(alert), note, errors).render();
        return Response.status(errors.general().isEmpty() ? 400 : 409).type(MediaType.TEXT_HTML_TYPE).entity(html).build();
    }

    private static String conflict(ApiException e) {
        String detail = e.problem().detail();
        return "This alert cannot be acknowledged now" + (detail == null || detail.isBlank() ? "." : ": " + detail);
    }

    /** An alert id is a UUID; anything else cannot be one, so it is the 404 page without asking. */
    static String checked(String alertId) {
        if (alertId == null || !ID.matcher(alertId).matches()) {
            throw io.rebound.web.errors.PageException.notFound();
        }
        return alertId;
    }
}
