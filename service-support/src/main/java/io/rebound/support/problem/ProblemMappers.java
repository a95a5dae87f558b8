package io.rebound.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.rebound.support.http.HttpConfig;
import io.rebound.support.json.JsonErrors;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error a client can cause into a problem+json answer that names the field at fault. */
public class ProblemMappers {

    private final ObjectMapper json;
    private final long maxJsonBody;

    public ProblemMappers(ObjectMapper json, HttpConfig http) {
        this.json = json;
        this.maxJsonBody = http.maxJsonBodySize().asLongValue();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (JsonErrors.overLimit(e)) {
            // Only a body sent without a length gets this far: one with a length over the limit is refused unread.
            Response problem = respond(413, "Content Too Large", "the body is longer than the " + maxJsonBody
                    + " bytes accepted here", uri, List.of());
            return Response.fromResponse(problem).header("Connection", "close").build();
        }
        // A syntax error inside a map or collection arrives wrapped in a mapping error that knows only the outer field.
        JsonProcessingException syntax = e instanceof JsonParseException ? e
                : e.getCause() instanceof JsonParseException cause ? cause : null;
        if (syntax != null) {
            String at = JsonErrors.fieldOf(syntax);
            String detail = "the body is not valid JSON" + (at.isEmpty() ? "" : " at " + at) + ": "
                    + syntax.getOriginalMessage();
            return respond(400, "Malformed JSON", detail, uri,
                    at.isEmpty() ? List.of() : List.of(new Problem.FieldError(at, JsonErrors.reason(syntax))));
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String message = e.getOriginalMessage();
        if (e.getCause() instanceof IllegalArgumentException cause) {
            message = cause.getMessage();
        } else if (e instanceof JsonMappingException mapping) {
            message = JsonErrors.wrongType(mapping).orElse(message);
        }
        String name = field.isEmpty() ? "(body)" : field;
        return respond(400, "Invalid request", name + ": " + message, uri, List.of(new Problem.FieldError(name, message)));
    }

    /** Quarkus has its own mapper for this subtype; ours must be at least as specific to win. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /** No token, or one that is expired, badly signed or from another issuer: all the same to the client. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Log.debugf("refused an unauthenticated request to %s: %s", uri == null ? "?" : uri.getPath(), e.toString());
        Response problem = respond(401, "Unauthorized", "a valid bearer token is needed", uri, List.of());
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "your role may not do this", uri, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.error("request failed", e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jsonProblem) {
            return unreadableJson(jsonProblem, uri);
        }
        return respond(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage(), uri, List.of());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private Response respond(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem problem = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(),
                errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem.toJson(json)).build();
    }
}
