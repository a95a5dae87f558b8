package io.rebound.web.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** plan-service: plans, caps, where a runner stands, findings, alerts. */
@RegisterRestClient(configKey = "plan")
@RegisterProvider(AccessTokenPropagation.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface PlanApi {

    /** The plans the caller may see; read loosely (a list, or an object holding one), see {@link JsonLists}. */
    @GET
    @Path("/plans")
    JsonNode plans(@QueryParam("limit") Integer limit);

    @POST
    @Path("/plans")
    @Consumes(MediaType.APPLICATION_JSON)
    PlanView create(NewPlan plan);

    @GET
    @Path("/plans/{runnerId}")
    PlanView plan(@PathParam("runnerId") String runnerId);

    @GET
    @Path("/plans/{runnerId}/caps")
    CapsView caps(@PathParam("runnerId") String runnerId);

    @PATCH
    @Path("/plans/{runnerId}/caps")
    @Consumes(MediaType.APPLICATION_JSON)
    PlanView changeCaps(@PathParam("runnerId") String runnerId, CapsChange change);

    @GET
    @Path("/runners/{runnerId}/today")
    TodayView today(@PathParam("runnerId") String runnerId);

    @GET
    @Path("/runners/{runnerId}/findings")
    List<FindingView> findings(@PathParam("runnerId") String runnerId);

    @GET
    @Path("/runners/{runnerId}/activities")
    JsonNode activities(@PathParam("runnerId") String runnerId, @QueryParam("limit") Integer limit);

    @GET
    @Path("/alerts")
    AlertList alerts(@QueryParam("runnerId") String runnerId, @QueryParam("severity") String severity,
            @QueryParam("state") String state, @QueryParam("limit") Integer limit);

    @GET
    @Path("/alerts/{alertId}")
    AlertView alert(@PathParam("alertId") String alertId);

    @POST
    @Path("/alerts/{alertId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    AlertView acknowledge(@PathParam("alertId") String alertId, Acknowledgement acknowledgement);
}
