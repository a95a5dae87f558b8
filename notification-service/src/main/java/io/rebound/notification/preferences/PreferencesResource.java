package io.rebound.notification.preferences;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.rebound.support.problem.Problem;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.problem.RequestValidator;
import io.rebound.support.security.Caller;
import io.rebound.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/v1/recipients/{recipientId}/preferences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RUNNER, Roles.PT, Roles.ADMIN})
public class PreferencesResource {

    private final PreferencesService preferences;
    private final RequestValidator validator;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;

    public PreferencesResource(PreferencesService preferences, RequestValidator validator, ObjectMapper mapper,
            SecurityIdentity identity) {
        this.preferences = preferences;
        this.validator = validator;
        this.mapper = mapper;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A recipient's email preferences, defaults filled in",
            description = "The recipient id is a runner's runnerId, or for a PT the id in the footer of their emails."
                    + " For the recipient themselves (their token's subject) and admins; 404 for anyone else.")
    public Uni<PreferencesView> get(@PathParam("recipientId") String recipientId) {
        Caller caller = Caller.of(identity);
        PreferencesAccess.mayAsk(caller, recipientId);
        return preferences.get(caller, recipientId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a recipient's email preferences",
            description = "digest, quietHours and timeZone; a field left out goes back to its default. email and"
                    + " unsubscribed are read-only (unsubscribe with the link in any email). For the recipient"
                    + " themselves and admins; 404 for anyone else.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PreferencesChange.class)))
    public Uni<PreferencesView> put(@PathParam("recipientId") String recipientId, JsonNode body)
            throws JsonProcessingException {
        Caller caller = Caller.of(identity);
        PreferencesAccess.mayAsk(caller, recipientId);
        if (body == null || body.isNull()) {
            throw ProblemException.invalid("(body)", "a JSON object with digest, quietHours and timeZone is required");
        }
        List<Problem.FieldError> unknown = PreferencesChange.unknownFields(body);
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        PreferencesChange change = validator.check(mapper.treeToValue(body, PreferencesChange.class));
        List<Problem.FieldError> errors = new ArrayList<>();
        if (change.quietHours() != null && change.quietHours().from().equals(change.quietHours().to())) {
            errors.add(new Problem.FieldError("quietHours", "from and to are both " + change.quietHours().from()
                    + ": quiet hours need an end that differs from their start (22:00 to 07:00 runs across midnight)"));
        }
        if (change.timeZone() != null) {
            zoneProblem(change.timeZone()).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return preferences.put(caller, recipientId, change);
    }

    /** The same rule plan-service applies to a plan's zones. */
    private static Optional<Problem.FieldError> zoneProblem(String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            return Optional.of(new Problem.FieldError("timeZone",
                    "must be an IANA time zone such as America/Chicago (got '" + zone + "')"));
        }
        if (!zone.contains("/") && !zone.equals("UTC")) {
            return Optional.of(new Problem.FieldError("timeZone",
                    "must be a region such as Europe/Berlin, not an offset, so daylight saving is followed (got '"
                            + zone + "')"));
        }
        return Optional.empty();
    }
}
