package io.rebound.web.client;

import java.util.List;

/**
 * An RFC 9457 problem document as the services answer errors with it.
 *
 * @param errors one entry per field at fault (JSON paths such as {@code runner.email}); may be null or empty
 */
public record ApiProblem(String type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public List<FieldError> fieldErrors() {
        return errors == null ? List.of() : errors;
    }
}
