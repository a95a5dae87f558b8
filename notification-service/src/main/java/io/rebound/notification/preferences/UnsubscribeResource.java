package io.rebound.notification.preferences;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.rebound.support.problem.Problem;
import io.rebound.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The unsubscribe link at the end of every email, and the one-click unsubscribe of RFC 8058. GET only shows a page
 * with a button, since mail scanners open links on their own; the POST (the button, or a mail app's one-click)
 * unsubscribes. The signed token is the only credential.
 */
@Path("/unsubscribe")
public class UnsubscribeResource {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final String BAD_TOKEN = "is not a valid unsubscribe token: use the whole link from the email";

    private final UnsubscribeTokens tokens;
    private final PreferencesService preferences;
    private final Template confirm;
    private final Template done;
    private final Template invalid;

    public UnsubscribeResource(UnsubscribeTokens tokens, PreferencesService preferences,
            @Location("unsubscribe/confirm.html") Template confirm,
            @Location("unsubscribe/done.html") Template done,
            @Location("unsubscribe/invalid.html") Template invalid) {
        this.tokens = tokens;
        this.preferences = preferences;
        this.confirm = confirm;
        this.done = done;
        this.invalid = invalid;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page behind an email's unsubscribe link: one button to confirm; changes nothing")
    public Uni<Response> page(@QueryParam("token") String token) {
        return tokens.verify(token)
                .map(subject -> preferences.isUnsubscribed(subject.email()).map(already -> page(200,
                        confirm.data("email", subject.email()).data("token", token).data("already", already).render())))
                .orElseGet(() -> Uni.createFrom().item(page(400, invalid.render())));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Unsubscribe the address the token names (the button, or RFC 8058 one-click)",
            description = "The body (List-Unsubscribe=One-Click) is not needed; the signed token is. Doing it twice"
                    + " changes nothing. A bad token is a 400 problem+json.")
    public Uni<Response> unsubscribe(@QueryParam("token") String token) {
        UnsubscribeTokens.Subject subject = tokens.verify(token).orElseThrow(() -> new ProblemException(400,
                "Invalid unsubscribe link", "token: " + BAD_TOKEN, List.of(new Problem.FieldError("token", BAD_TOKEN))));
        return preferences.unsubscribe(subject).map(first -> page(200, done.data("email", subject.email()).render()));
    }

    /** The token is in the address: keep it out of caches, search engines and Referer headers. */
    private static Response page(int status, String html) {
        return Response.status(status).type(HTML).entity(html)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .build();
    }
}
