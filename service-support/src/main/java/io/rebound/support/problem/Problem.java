package io.rebound.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, served as {@code application/problem+json}.
 *
 * @param errors one entry per field at fault, empty when the problem is not about a field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A field at fault: its JSON path (e.g. {@code distanceMetres} or {@code runner.email}) and what was wrong. */
    public record FieldError(String field, String message) {
    }
}
