package io.rebound.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * An RFC 9457 problem document, served as {@code application/problem+json}.
 *
 * @param errors one entry per field at fault, empty when the problem is not about a field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem that is not about a field, with the default type. */
    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, null);
    }

    /** This problem as the body of an answer. */
    public String toJson(ObjectMapper json) {
        try {
            return json.writeValueAsString(this);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A field at fault: its JSON path (e.g. {@code distanceMetres} or {@code runner.email}) and what was wrong. */
    public record FieldError(String field, String message) {
    }
}
