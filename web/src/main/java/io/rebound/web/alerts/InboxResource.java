package io.rebound.web.alerts;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rebound.web.client.AlertList;
import io.rebound.web.client.ApiException;
import io.rebound.web.client.JsonLists;
import io.rebound.web.client.PlanApi;
import io.rebound.web.client.PlanSummary;
import io.rebound.web.security.Viewer;
import io.rebound.web.security.Viewers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A PT's inbox: their runners' alerts, newest first, OVERLOADs standing out; filters by runner, severity, state. */
@Path("/inbox")
public class InboxResource {

    static final Set<String> SEVERITIES = Set.of("WARNING", "OVERLOAD");
    static final Set<String> STATES = Set.of("open", "acknowledged", "withdrawn");
    private static final int LIMIT = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Viewer viewer, String section, List<AlertFacts> alerts, int unacknowledged,
                List<PlanSummary> runners, Filter filter);
    }

    /** The filters as chosen; a value not offered is dropped rather than sent on. */
    public record Filter(String runner, String severity, String state) {

        public boolean any() {
            return runner != null || severity != null || state != null;
        }
    }

    private final PlanApi plans;
    private final Viewers viewers;

    public InboxResource(@RestClient PlanApi plans, Viewers viewers) {
        this.plans = plans;
        this.viewers = viewers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance inbox(@QueryParam("runner") String runner, @QueryParam("severity") String severity,
            @QueryParam("state") String state) {
        Viewer viewer = viewers.staff();
        List<PlanSummary> runners = runnersOf();
        String chosen = blankToNull(runner);
        boolean known = chosen != null && runners.stream().anyMatch(p -> chosen.equals(p.runnerId()));
        Filter filter = new Filter(known ? chosen : null, offered(SEVERITIES, severity), offered(STATES, state));
        AlertList list = plans.alerts(filter.runner(), filter.severity(), filter.state(), LIMIT);
        List<AlertFacts> alerts = list.items().stream().map(AlertFacts::of).toList();
        return Templates.inbox(viewer, "inbox", alerts, list.unacknowledged(), runners, filter);
    }

    /** The runners for the filter; the inbox still shows when the list cannot be had. */
    private List<PlanSummary> runnersOf() {
        try {
            return JsonLists.items(plans.plans(500), PlanSummary.class);
        } catch (ApiException e) {
            return List.of();
        }
    }

    private static String offered(Set<String> values, String chosen) {
        return chosen != null && values.contains(chosen) ? chosen : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
