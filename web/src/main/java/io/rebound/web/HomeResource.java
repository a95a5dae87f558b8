package io.rebound.web;

import io.rebound.web.errors.PageException;
import io.rebound.web.security.Viewer;
import io.rebound.web.security.Viewers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The start: each person goes where their work is. */
@Path("/")
public class HomeResource {

    private final Viewers viewers;

    public HomeResource(Viewers viewers) {
        this.viewers = viewers;
    }

    @GET
    public Response start() {
        Viewer viewer = viewers.current();
        return Response.seeOther(URI.create(startOf(viewer))).build();
    }

    static String startOf(Viewer viewer) {
        if (viewer.admin()) {
            return "/admin/plans";
        }
        if (viewer.pt()) {
            return "/inbox";
        }
        if (viewer.runner()) {
            return "/runners/" + viewer.subject();
        }
        throw PageException.forbidden("Your account has no role in Rebound yet. Ask the clinic to add you as a runner,"
                + " a physical therapist or staff.");
    }
}
