package io.rebound.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.rebound.web.errors.PageException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is signed in for this request. */
@RequestScoped
public class Viewers {

    private final SecurityIdentity identity;

    public Viewers(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The subject and name come from the ID token (the principal of a code-flow sign-in), the roles from the access token. */
    public Viewer current() {
        String name = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            name = token.getClaim("name");
            if (name == null) {
                name = token.getClaim("preferred_username");
            }
        }
        return new Viewer(identity.getPrincipal().getName(), name, Set.copyOf(identity.getRoles()));
    }

    /** The viewer, if they are a PT or an admin; else the 403 page. */
    public Viewer staff() {
        Viewer viewer = current();
        if (!viewer.staff()) {
            throw PageException.forbidden("This page is for physical therapists and the clinic's staff.");
        }
        return viewer;
    }

    /** The viewer, if they are an admin; else the 403 page. */
    public Viewer admin() {
        Viewer viewer = current();
        if (!viewer.admin()) {
            throw PageException.forbidden("This page is for the clinic's staff who enrol runners.");
        }
        return viewer;
    }
}
