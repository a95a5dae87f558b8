package io.rebound.web.errors;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.rebound.web.client.ApiException;
import io.rebound.web.security.Viewer;
import io.rebound.web.security.Viewers;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure ends on a page a person can read, never a stack trace: a service's 404 is our 404 page (a runner
 * who is not yours looks exactly like one who does not exist), its 403 our 403 page, a service that is down or
 * failing the 503 page, anything else the 500 page (and the log).
 */
public class ErrorPages {

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(Viewer viewer, String section, int status, String heading, String message);
    }

    private final Instance<Viewers> viewers;
    private final SecurityIdentity identity;

    public ErrorPages(Instance<Viewers> viewers, SecurityIdentity identity) {
        this.viewers = viewers;
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response page(PageException e) {
        return page(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        int status = e.status();
        if (status == 404) {
            return page(404, null);
        }
        if (status == 403) {
            return page(403, null);
        }
        if (status == 401) {
            return page(401, null);
        }
        if (status == 429) {
            return page(429, null);
        }
        if (status >= 500) {
            Log.warnf("a service answered %d: %s", status, e.problem().detail());
            return page(503, null);
        }
        String detail = e.problem().detail() != null ? e.problem().detail() : e.problem().title();
        return page(400, detail);
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        Log.warnf("a service could not be reached: %s", e.getMessage());
        return page(503, null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return page(405, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            Log.error("a page failed", e);
        }
        return page(status, null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("a page failed", e);
        return page(500, null);
    }

    Response page(int status, String message) {
        String heading;
        String text;
        switch (status) {
            case 404 -> {
                heading = "Not found";
                text = "There is nothing here, or it is not yours to see. Check the address, or go back to the start.";
            }
            case 403 -> {
                heading = "Not allowed";
                text = "Your account cannot open this page. If you think it should, ask the clinic.";
            }
            case 401 -> {
                heading = "Please sign in again";
                text = "Your sign-in has run out. Sign out and in again, then try once more.";
            }
            case 405 -> {
                heading = "Not found";
                text = "This address does not take that kind of request.";
            }
            case 429 -> {
                heading = "Too many requests";
                text = "That was a lot at once. Wait a few seconds and try again.";
            }
            case 503 -> {
                heading = "Service unavailable";
                text = "Part of Rebound is not answering right now. Nothing you sent was lost; please try again in a"
                        + " minute.";
            }
            case 400 -> {
                heading = "That did not work";
                text = "The request was not accepted.";
            }
            default -> {
                heading = "Something went wrong";
                text = "Sorry, this page failed on our side. Please try again; if it keeps happening, tell the clinic.";
            }
        }
        if (message != null && !message.isBlank()) {
            text = message;
        }
        int shown = status == 405 ? 404 : status;
        Viewer viewer = null;
        try {
            if (!identity.isAnonymous()) {
                viewer = viewers.get().current();
            }
        } catch (RuntimeException ignored) {
            viewer = null;
        }
        String html = Templates.error(viewer, "", shown, heading, text).render();
        return Response.status(shown).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
