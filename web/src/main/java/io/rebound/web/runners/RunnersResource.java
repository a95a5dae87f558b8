package io.rebound.web.runners;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rebound.web.client.ApiException;
import io.rebound.web.client.JsonLists;
import io.rebound.web.client.PlanApi;
import io.rebound.web.client.PlanSummary;
import io.rebound.web.security.Viewer;
import io.rebound.web.security.Viewers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A PT's runners (an admin's: everyone's), each with their phase, day, and what is used and left of this window. */
@Path("/runners")
public class RunnersResource {

    private static final int LIMIT = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance runners(Viewer viewer, String section, List<RunnerLine> runners);
    }

    /** One runner of the list; {@code today} is null when plan-service could not say (the line still shows). */
    public record RunnerLine(PlanSummary plan, TodayFacts today) {
    }

    private final PlanApi plans;
    private final Viewers viewers;

    public RunnersResource(@RestClient PlanApi plans, Viewers viewers) {
        this.plans = plans;
        this.viewers = viewers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response runners() {
        Viewer viewer = viewers.current();
        if (!viewer.staff()) {
            if (viewer.runner()) {
                return Response.seeOther(URI.create("/runners/" + viewer.subject())).build();
            }
            viewers.staff();
        }
        List<RunnerLine> lines = JsonLists.items(plans.plans(LIMIT), PlanSummary.class).stream()
                .map(plan -> new RunnerLine(plan, todayOf(plan.runnerId()))).toList();
        return Response.ok(Templates.runners(viewer, "runners", lines).render(), MediaType.TEXT_HTML_TYPE).build();
    }

    private TodayFacts todayOf(String runnerId) {
        try {
            return TodayFacts.of(plans.today(runnerId));
        } catch (ApiException e) {
            if (e.status() >= 500) {
                throw e;
            }
            return null;
        }
    }
}
