package io.rebound.bench.ceiling;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The generic webhook's path with nothing behind it: reads the body and answers 202. Driven by the same generator
 * as activity-service, it shows what the HTTP layer alone costs on this machine. Non-blocking, like the real
 * endpoint (which returns a Uni), so it runs on the event loop as that one does.
 */
@Path("/api/v1/webhooks/generic")
public class CeilingResource {

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(String body) {
        return Response.accepted().build();
    }
}
