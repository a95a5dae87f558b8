package io.rebound.web.security;

import java.util.Set;

/**
 * The signed-in person as the pages need them: their subject (a runnerId or PT id, the same the services see),
 * their name, and their roles (runner, pt, admin) from the access token's groups claim.
 */
public record Viewer(String subject, String name, Set<String> roles) {

    public static final String RUNNER = "runner";
    public static final String PT = "pt";
    public static final String ADMIN = "admin";

    public boolean runner() {
        return roles.contains(RUNNER);
    }

    public boolean pt() {
        return roles.contains(PT);
    }

    public boolean admin() {
        return roles.contains(ADMIN);
    }

    /** PTs and admins look after runners; a runner only sees themselves. */
    public boolean staff() {
        return pt() || admin();
    }

    /** The runner's own pages, not someone else's. */
    public boolean isRunner(String runnerId) {
        return runner() && subject.equals(runnerId);
    }

    public String displayName() {
        return name == null || name.isBlank() ? subject : name;
    }
}
