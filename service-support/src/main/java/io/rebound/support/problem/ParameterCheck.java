package io.rebound.support.problem;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the ids every service takes in paths and queries before any resource sees them, so a malformed one is a
 * 400 naming it rather than an empty answer or a row keyed by it: {@code runnerId} (what a plan's runnerId may be),
 * {@code recipientId} (a runnerId or a PT id, which may also hold {@code @} and {@code :}), {@code activityId} and
 * {@code alertId} (UUIDs), and a numeric {@code limit}. An id that is given must match, so a blank or whitespace one
 * is refused too; one that is not given at all is left to the resource, which knows whether it is required.
 */
public class ParameterCheck {

    public static final int MAX_ID = 64;
    private static final Pattern RUNNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern RECIPIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]*");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String RUNNER_RULE = "must be 1 to 64 characters, start with a letter or digit and use only"
            + " letters, digits, '.', '_' and '-'";
    private static final String RECIPIENT_RULE = "must be 1 to 64 characters, start with a letter or digit and use"
            + " only letters, digits, '.', '_', '@', ':' and '-'";
    private static final String UUID_RULE = "must be a UUID like 3f2b6c1e-8d4a-4e5f-9a7b-0c1d2e3f4a5b";

    @ServerRequestFilter
    public void check(UriInfo uri) {
        check(uri.getPathParameters(), uri.getQueryParameters());
    }

    /** Refuses the first malformed id or limit among a request's path and query parameters (decoded). */
    public static void check(MultivaluedMap<String, String> path, MultivaluedMap<String, String> query) {
        id("runnerId", path.getFirst("runnerId"), RUNNER_ID, MAX_ID, RUNNER_RULE);
        id("runnerId", query.getFirst("runnerId"), RUNNER_ID, MAX_ID, RUNNER_RULE);
        id("recipientId", path.getFirst("recipientId"), RECIPIENT_ID, MAX_ID, RECIPIENT_RULE);
        id("activityId", path.getFirst("activityId"), UUID, 36, UUID_RULE);
        id("alertId", path.getFirst("alertId"), UUID, 36, UUID_RULE);
        String limit = query.getFirst("limit");
        if (limit != null && !limit.matches("-?[0-9]{1,9}")) {
            throw ProblemException.invalid("limit", "must be a whole number (got '" + shown(limit) + "')");
        }
    }

    private static void id(String field, String value, Pattern pattern, int max, String rule) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank; it " + rule + " (got '" + shown(value) + "')");
        }
        if (value.length() > max || !pattern.matcher(value).matches()) {
            throw ProblemException.invalid(field, rule + " (got '" + shown(value) + "')");
        }
    }

    /** Enough of a bad value to recognise it, never a whole oversized one. */
    private static String shown(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
