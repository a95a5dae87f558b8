package io.rebound.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the token's subject and roles. The subject is the {@code sub} claim, not the principal's name,
 * which SmallRye JWT takes from {@code upn} or {@code preferred_username} first.
 */
public record Caller(String subject, Set<String> roles) {

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller(null, Set.of());
        }
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
        return new Caller(subject, Set.copyOf(identity.getRoles()));
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    /** True for the runner {@code runnerId} themselves. */
    public boolean isRunner(String runnerId) {
        return roles.contains(Roles.RUNNER) && subject != null && subject.equals(runnerId);
    }

    /** True for the PT {@code ptId} themselves. */
    public boolean isPt(String ptId) {
        return roles.contains(Roles.PT) && subject != null && subject.equals(ptId);
    }
}
