package io.rebound.web.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service: a person's email preferences. */
@RegisterRestClient(configKey = "notification")
@RegisterProvider(AccessTokenPropagation.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1/recipients/{recipientId}/preferences")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationApi {

    @GET
    Preferences get(@PathParam("recipientId") String recipientId);

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    Preferences put(@PathParam("recipientId") String recipientId, PreferencesChange change);
}
