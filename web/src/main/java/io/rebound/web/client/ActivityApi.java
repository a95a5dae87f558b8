package io.rebound.web.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** activity-service: a runner's own activities and files. */
@RegisterRestClient(configKey = "activity")
@RegisterProvider(AccessTokenPropagation.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1/runners/{runnerId}/activities")
@Produces(MediaType.APPLICATION_JSON)
public interface ActivityApi {

    @GET
    List<ActivityView> list(@PathParam("runnerId") String runnerId, @QueryParam("limit") Integer limit);

    @GET
    @Path("/{activityId}")
    ActivityView get(@PathParam("runnerId") String runnerId, @PathParam("activityId") String activityId);

    @PUT
    @Path("/{activityId}")
    @Consumes(MediaType.APPLICATION_JSON)
    ActivityView correct(@PathParam("runnerId") String runnerId, @PathParam("activityId") String activityId,
            ActivityInput activity);

    @DELETE
    @Path("/{activityId}")
    void delete(@PathParam("runnerId") String runnerId, @PathParam("activityId") String activityId);

    /** A FIT, GPX or TCX file, forwarded as the multipart field {@code file} with its name (a format hint). */
    @POST
    @Path("/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    UploadAnswer upload(@PathParam("runnerId") String runnerId, ClientMultipartForm file);
}
