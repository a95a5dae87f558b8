package io.rebound.activity.provider.strava;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rebound.activity.ActivityConfig;
import io.rebound.activity.provider.strava.StravaSubscriptionClient.StravaRefused;
import io.rebound.activity.provider.strava.StravaSubscriptionClient.Subscription;
import io.rebound.support.problem.Problem;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Our Strava push subscription, for admins: without one Strava sends no event at all. Creating it stores its id,
 * which every event must then carry ({@link StravaSubscriptions}).
 */
@Path("/api/v1/admin/strava/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class StravaSubscriptionResource {

    private final Optional<String> clientId;
    private final Optional<String> clientSecret;
    private final Optional<String> verifyToken;
    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Vertx vertx;

    public StravaSubscriptionResource(ActivityConfig config, Vertx vertx) {
        this.clientId = config.strava().clientId().filter(id -> !id.isBlank());
        this.clientSecret = config.strava().clientSecret().filter(secret -> !secret.isBlank());
        this.verifyToken = config.strava().verifyToken().filter(token -> !token.isBlank());
        this.baseUrl = config.strava().baseUrl();
        this.vertx = vertx;
    }

    /** The request to create our subscription. */
    public record NewSubscription(String callbackUrl) {
    }

    /** One subscription: Strava's id, where Strava posts its events, since when. */
    public record View(long id, String callbackUrl, Instant createdAt) {

        static View of(Subscription subscription) {
            return new View(subscription.id(), subscription.callbackUrl(), subscription.createdAt());
        }

        static View of(StravaSubscription stored) {
            return new View(stored.id, stored.callbackUrl, stored.createdAt);
        }
    }

    /** What Strava holds for our application, and which of those this service takes events from. */
    public record Subscriptions(List<View> atStrava, View stored) {
    }

    @GET
    @Operation(summary = "Show our Strava push subscription", description = "As Strava holds it, and as stored here.")
    public Uni<Subscriptions> show() {
        StravaSubscriptionClient strava = client();
        return blocking(strava::list).chain(atStrava -> stored().map(stored -> new Subscriptions(
                atStrava.stream().map(View::of).toList(), stored == null ? null : View.of(stored))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create our Strava push subscription", description = "Strava calls the callback URL (this"
            + " service's /api/v1/webhooks/strava, as the world reaches it) with the handshake before it answers. 201"
            + " with the subscription; its id is stored, and events must carry it.")
    public Uni<Response> create(NewSubscription request) {
        String callbackUrl = callbackUrl(request);
        StravaSubscriptionClient strava = client();
        String token = verifyToken.orElseThrow(() -> notConfigured("rebound.activity.strava.verify-token"));
        return blocking(() -> strava.create(callbackUrl, token))
                .chain(id -> store(id, callbackUrl))
                .map(stored -> Response.status(201).entity(View.of(stored)).build());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a Strava push subscription", description = "At Strava, and here: events naming it are"
            + " refused from then on. 204.")
    public Uni<Response> delete(@PathParam("id") long id) {
        if (id < 1) {
            throw ProblemException.invalid("id", "must be a Strava subscription id, a positive whole number (got " + id + ")");
        }
        StravaSubscriptionClient strava = client();
        return blocking(() -> {
            strava.delete(id);
            return id;
        }).chain(this::forget).map(ignored -> Response.noContent().build());
    }

    @WithSession
    Uni<StravaSubscription> stored() {
        return StravaSubscription.<StravaSubscription>findAll().firstResult();
    }

    @WithTransaction
    Uni<StravaSubscription> store(long id, String callbackUrl) {
        // Strava allows one subscription per application: the new one replaces whatever was stored.
        return StravaSubscription.delete("id <> ?1", id).chain(() -> StravaSubscription.<StravaSubscription>findById(id))
                .chain(existing -> {
                    StravaSubscription subscription = existing != null ? existing : new StravaSubscription();
                    subscription.id = id;
                    subscription.callbackUrl = callbackUrl;
                    subscription.createdAt = existing != null ? existing.createdAt : Instant.now();
                    return existing != null ? Uni.createFrom().item(subscription) : subscription.persist();
                });
    }

    @WithTransaction
    Uni<Long> forget(long id) {
        return StravaSubscription.delete("id", id);
    }

    private static String callbackUrl(NewSubscription request) {
        String url = request == null ? null : request.callbackUrl();
        if (url == null || url.isBlank()) {
            throw ProblemException.invalid("callbackUrl", "is required: this service's /api/v1/webhooks/strava as"
                    + " Strava reaches it, e.g. https://rebound.example.org/api/v1/webhooks/strava");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("callbackUrl", "must be an absolute http(s) URL (got '" + url + "')");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || url.length() > 2000) {
            throw ProblemException.invalid("callbackUrl", "must be an absolute http(s) URL of at most 2000 characters"
                    + " (got '" + url + "')");
        }
        return url;
    }

    private StravaSubscriptionClient client() {
        return new StravaSubscriptionClient(baseUrl, http,
                clientId.orElseThrow(() -> notConfigured("rebound.activity.strava.client-id")),
                clientSecret.orElseThrow(() -> notConfigured("rebound.activity.strava.client-secret")));
    }

    private static ProblemException notConfigured(String key) {
        return new ProblemException(503, "Strava not configured", "this server has no " + key
                + ", so it cannot manage the Strava subscription", List.of());
    }

    /** Runs a call to Strava off the event loop and comes back to it; Strava's refusals become 502 problems. */
    private <T> Uni<T> blocking(Supplier<T> call) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return call.get();
            } catch (StravaRefused refused) {
                throw new ProblemException(502, "Strava refused", refused.getMessage(),
                        List.of(new Problem.FieldError("strava", "HTTP " + refused.status())));
            } catch (IllegalArgumentException unreadable) {
                throw new ProblemException(502, "Strava answered unreadably", unreadable.getMessage(), List.of());
            }
        }));
    }
}
