package io.rebound.activity.files;

import io.quarkus.security.identity.SecurityIdentity;
import io.rebound.activity.ActivityAccess;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.IngestMetrics;
import io.rebound.activity.ingest.IngestOutcome;
import io.rebound.activity.ingest.IngestService;
import io.rebound.activity.ingest.Provider;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.security.Caller;
import io.rebound.support.security.Roles;
import io.rebound.support.work.AfterCommit;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import io.rebound.support.problem.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/runners/{runnerId}/activities/files")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RUNNER, Roles.ADMIN})
public class FileUploadResource {

    private final ActivityFileParser parser = new ActivityFileParser();
    private final IngestService ingest;
    private final Vertx vertx;
    private final IngestMetrics metrics;
    private final SecurityIdentity identity;

    public FileUploadResource(IngestService ingest, Vertx vertx, IngestMetrics metrics,
            SecurityIdentity identity) {
        this.metrics = metrics;
        this.identity = identity;
        this.ingest = ingest;
        this.vertx = vertx;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a FIT, GPX or TCX file", description = "Multipart field 'file'. 201 when it made an"
            + " activity; 200 when the runner uploaded the same file before, or their watch also synced the same run."
            + " A multisport FIT file is stored as one activity per leg, all or none, and the answer lists each.")
    public Uni<Response> upload(@PathParam("runnerId") String runnerId, @RestForm("file") FileUpload file) {
        ActivityAccess.ownRunner(Caller.of(identity), runnerId);
        if (file == null) {
            throw ProblemException.invalid("file", "a multipart field named 'file' with a FIT, GPX or TCX file is required");
        }
        // Reading and decoding a file of up to 25 MiB is blocking work: off the event loop, back on it to store.
        Uni<List<DeviceActivity>> parsed = vertx.executeBlocking(Uni.createFrom().item(() -> parse(file)));
        return parsed.chain(legs -> store(runnerId, legs)
                .invoke(outcomes -> metrics.counted(Provider.FILE, outcomes))
                .map(outcomes -> {
                    boolean created = outcomes.stream().anyMatch(o -> o.result() == IngestOutcome.Result.CREATED);
                    return Response.status(created ? 201 : 200)
                            .entity(FileUploadAnswer.of(legs.stream().map(DeviceActivity::sport).toList(), outcomes))
                            .build();
                }));
    }

    /** Every leg of the file in one transaction: a multisport file is stored whole or not at all. */
    private Uni<List<IngestOutcome>> store(String runnerId, List<DeviceActivity> legs) {
        return AfterCommit.transaction(() -> Multi.createFrom().iterable(legs)
                .onItem().transformToUniAndConcatenate(leg -> ingest.own(runnerId, leg))
                .collect().asList());
    }

    private List<DeviceActivity> parse(FileUpload file) {
        try {
            return parser.parse(file.fileName(), Files.readAllBytes(file.uploadedFile()));
        } catch (UnreadableFileException e) {
            throw new ProblemException(422, "Unreadable file", e.getMessage(),
                    List.of(new Problem.FieldError("file", e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }
}
