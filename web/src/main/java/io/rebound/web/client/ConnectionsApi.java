package io.rebound.web.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * activity-service: a runner's connections to Strava, Polar and Garmin. The service talks to the provider (it holds
 * the client secrets and the tokens); the web app only carries the browser there and back.
 */
@RegisterRestClient(configKey = "activity")
@RegisterProvider(AccessTokenPropagation.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1/runners/{runnerId}/connections")
@Produces(MediaType.APPLICATION_JSON)
public interface ConnectionsApi {

    @GET
    ConnectionList list(@PathParam("runnerId") String runnerId);

    /** Where to send the browser to ask the provider; 400 when the redirect address is not allowed, 503 when the provider is not set up. */
    @POST
    @Path("/{provider}/authorization")
    @Consumes(MediaType.APPLICATION_JSON)
    AuthorizationAnswer authorization(@PathParam("runnerId") String runnerId, @PathParam("provider") String provider,
            AuthorizationRequest request);

    /** Trades the provider's code for the connection; 400 naming code or scope, 409 linked to another runner, 502 provider down. */
    @POST
    @Path("/{provider}")
    @Consumes(MediaType.APPLICATION_JSON)
    NewConnection connect(@PathParam("runnerId") String runnerId, @PathParam("provider") String provider,
            ConnectionRequest request);

    /** 404 when that provider is not connected. */
    @DELETE
    @Path("/{provider}")
    void disconnect(@PathParam("runnerId") String runnerId, @PathParam("provider") String provider);
}
