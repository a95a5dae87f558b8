package io.rebound.support.problem;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the ids every service takes in paths and queries before any resource sees them, so a malformed one is a
 * 400 naming it rather than an empty answer or a row keyed by it: {@code runnerId} (what a plan's runnerId may be),
 * {@code recipientId} (a runnerId or a PT id, which may also hold {@code @} and {@code :}), and a numeric
 * {@code limit}. A blank one is left to the resource, which knows whether it is required.
 */
public class ParameterCheck {

    public static final int MAX_ID = 64;
    private static final Pattern RUNNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern RECIPIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]*");
    private static final String RUNNER_RULE = "must be 1 to 64 characters, start with a letter or digit and use only"
            + " letters, digits, '.', '_' and '-'";
    private static final String RECIPIENT_RULE = "must be 1 to 64 characters, start with a letter or digit and use"
            + " only letters, digits, '.', '_', '@', ':' and '-'";

    @ServerRequestFilter
    public void check(UriInfo uri) {
        MultivaluedMap<String, String> path = uri.getPathParameters();
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        id("runnerId", path.getFirst("runnerId"), RUNNER_ID, RUNNER_RULE);
        id("runnerId", query.getFirst("runnerId"), RUNNER_ID, RUNNER_RULE);
        id("recipientId", path.getFirst("recipientId"), RECIPIENT_ID, RECIPIENT_RULE);
        String limit = query.getFirst("limit");
        if (limit != null && !limit.matches("-?[0-9]{1,9}")) {
            throw ProblemException.invalid("limit", "must be a whole number (got '" + shown(limit) + "')");
        }
    }

    private static void id(String field, String value, Pattern pattern, String rule) {
        if (value != null && !value.isBlank() && (value.length() > MAX_ID || !pattern.matcher(value).matches())) {
            throw ProblemException.invalid(field, rule + " (got '" + shown(value) + "')");
        }
    }

    /** Enough of a bad value to recognise it, never a whole oversized one. */
    private static String shown(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
