package io.rebound.support.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a request body with its Bean Validation annotations and refuses it with every field at fault. Called
 * explicitly so the answer is always our problem+json, never a framework's default report.
 */
@ApplicationScoped
public class RequestValidator {

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T body) {
        if (body == null) {
            throw ProblemException.invalid("(body)", "a JSON request body is required");
        }
        List<Problem.FieldError> errors = validator.validate(body).stream()
                .map(RequestValidator::error)
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return body;
    }

    private static Problem.FieldError error(ConstraintViolation<?> violation) {
        Object value = violation.getInvalidValue();
        String shown = value == null ? "" : " (got " + abbreviate(String.valueOf(value)) + ")";
        return new Problem.FieldError(violation.getPropertyPath().toString(), violation.getMessage() + shown);
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? "'" + value + "'" : "'" + value.substring(0, 57) + "...'";
    }
}
