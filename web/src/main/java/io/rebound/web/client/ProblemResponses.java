package io.rebound.web.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every 4xx and 5xx answer of a service into an {@link ApiException} carrying its problem+json. */
public class ProblemResponses implements ResponseExceptionMapper<ApiException> {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public ApiException toThrowable(Response response) {
        int status = response.getStatus();
        ApiProblem problem = null;
        try {
            if (response.hasEntity()) {
                String body = response.readEntity(String.class);
                problem = read(body);
            }
        } catch (RuntimeException e) {
            problem = null;
        }
        if (problem == null) {
            problem = new ApiProblem(null, Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(), status, null, List.of());
        }
        return new ApiException(status, problem);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    static ApiProblem read(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(body, ApiProblem.class);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
