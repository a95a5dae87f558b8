package io.rebound.web.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rebound.web.client.ApiException;
import io.rebound.web.client.JsonLists;
import io.rebound.web.client.PlanApi;
import io.rebound.web.client.PlanSummary;
import io.rebound.web.forms.FormErrors;
import io.rebound.web.security.Viewer;
import io.rebound.web.security.Viewers;
import io.rebound.web.settings.Zones;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The clinic desk: every plan, and enrolling a runner (a new plan naming their PT). */
@Path("/admin")
public class AdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plans(Viewer viewer, String section, List<PlanSummary> plans);

        static native TemplateInstance enrol(Viewer viewer, String section, EnrolForm form, List<String> zones,
                FormErrors errors);
    }

    private final PlanApi plans;
    private final Viewers viewers;

    public AdminResource(@RestClient PlanApi plans, Viewers viewers) {
        this.plans = plans;
        this.viewers = viewers;
    }

    @GET
    @Path("/plans")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance plans() {
        Viewer viewer = viewers.admin();
        return Templates.plans(viewer, "plans", JsonLists.items(plans.plans(1000), PlanSummary.class));
    }

    @GET
    @Path("/enrol")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance enrolForm() {
        Viewer viewer = viewers.admin();
        EnrolForm form = new EnrolForm();
        form.unit = "km";
        form.timeZone = "Europe/London";
        return Templates.enrol(viewer, "enrol", form, Zones.ALL, FormErrors.none());
    }

    @POST
    @Path("/enrol")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.TEXT_HTML)
    public Response enrol(@BeanParam EnrolForm form) {
        Viewer viewer = viewers.admin();
        EnrolForm.Result result = form.parse();
        FormErrors errors = result.errors();
        if (!errors.any()) {
            try {
                plans.create(result.plan());
                return Response.seeOther(URI.create("/runners/" + result.plan().runnerId())).build();
            } catch (ApiException e) {
                if (!e.isFormProblem()) {
                    throw e;
                }
                errors = e.status() == 409 && e.problem().fieldErrors().isEmpty()
                        ? FormErrors.field("runnerId", "This runner already has a plan: open it from the plans list.")
                        : FormErrors.from(e.problem(), EnrolForm.FIELDS);
            }
        }
        String html = Templates.enrol(viewer, "enrol", form, Zones.with(form.timeZone), errors).render();
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(html).build();
    }
}
