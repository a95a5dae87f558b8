package io.rebound.activity.connect;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.rebound.activity.ActivityAccess;
import io.rebound.activity.connect.ConnectionView.Authorization;
import io.rebound.activity.connect.ConnectionView.Connected;
import io.rebound.activity.connect.ConnectionView.Connections;
import io.rebound.activity.fetch.FetchWorker;
import io.rebound.activity.ingest.DeviceLink;
import io.rebound.activity.ingest.IngestMetrics;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.links.TokenCipher;
import io.rebound.activity.provider.Credentials;
import io.rebound.activity.provider.OAuthClient;
import io.rebound.activity.provider.ProviderAnswer;
import io.rebound.activity.provider.TokenGrant;
import io.rebound.activity.provider.strava.StravaOAuth;
import io.rebound.support.outbox.OutboxRelay;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.problem.RequestValidator;
import io.rebound.support.security.Caller;
import io.rebound.support.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A runner's device connections through each provider's OAuth 2.0 authorization-code flow. The caller (the web app)
 * asks for the authorization URL, sends the browser there, checks the {@code state} on the way back, and posts the
 * code here; the provider's token answer names the provider's user, which is what proves the account is the
 * runner's.
 */
@Path("/api/v1/runners/{runnerId}/connections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RUNNER, Roles.ADMIN})
public class ConnectionResource {

    private final ConnectionService connections;
    private final ConnectSettings settings;
    private final OAuthClients clients;
    private final TokenKeeper keeper;
    private final TokenCipher tokens;
    private final RequestValidator validator;
    private final OutboxRelay relay;
    private final FetchWorker worker;
    private final IngestMetrics metrics;
    private final SecurityIdentity identity;

    public ConnectionResource(ConnectionService connections, ConnectSettings settings, OAuthClients clients,
            TokenKeeper keeper, TokenCipher tokens, RequestValidator validator, OutboxRelay relay, FetchWorker worker,
            IngestMetrics metrics, SecurityIdentity identity) {
        this.connections = connections;
        this.settings = settings;
        this.clients = clients;
        this.keeper = keeper;
        this.tokens = tokens;
        this.validator = validator;
        this.relay = relay;
        this.worker = worker;
        this.metrics = metrics;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The runner's connections, and the providers this server can connect")
    public Uni<Connections> list(@PathParam("runnerId") String runnerId) {
        ActivityAccess.ownRunner(Caller.of(identity), runnerId);
        return connections.list(runnerId);
    }

    @POST
    @Path("{provider}/authorization")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The provider's authorization URL to send the runner's browser to")
    public Authorization authorize(@PathParam("runnerId") String runnerId, @PathParam("provider") String name,
            AuthorizationRequest request) {
        Start start = start(runnerId, name, request, () -> request.redirectUri());
        Provider provider = start.provider();
        Credentials credentials = start.credentials();
        OAuthClient client = start.client();
        if (client.pkce() && request.codeChallenge() == null) {
            throw ProblemException.invalid("codeChallenge", provider.code() + " needs PKCE: send the S256 challenge"
                    + " of a code verifier you keep for the connect");
        }
        return new Authorization(client.authorizationUrl(credentials, request.redirectUri(), request.state(),
                client.pkce() ? request.codeChallenge() : null).toString());
    }

    @POST
    @Path("{provider}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Completes a connect with the code from the provider's redirect", description = "201 for a"
            + " new connection, 200 when the same provider user connects to the same runner again (the tokens are"
            + " replaced). The last 16 weeks of activities are fetched in the background.")
    public Uni<Response> connect(@PathParam("runnerId") String runnerId, @PathParam("provider") String name,
            ConnectRequest request) {
        Start start = start(runnerId, name, request, () -> request.redirectUri());
        Provider provider = start.provider();
        Credentials credentials = start.credentials();
        OAuthClient client = start.client();
        if (client.pkce() && request.codeVerifier() == null) {
            throw ProblemException.invalid("codeVerifier", provider.code() + " needs the PKCE code verifier whose"
                    + " challenge the authorization URL carried");
        }
        if (provider == Provider.STRAVA && !StravaOAuth.grantsActivities(request.scope())) {
            throw ProblemException.invalid("scope", "Strava granted '" + (request.scope() == null ? "" : request.scope())
                    + "', which does not include " + StravaOAuth.SCOPE + ": without it we cannot see the runner's"
                    + " activities. Connect again and leave 'View data about your private activities' ticked");
        }
        Context context = Vertx.currentContext();
        return Blocking.call(context, () -> client.exchange(credentials, request.code(), request.redirectUri(),
                        client.pkce() ? request.codeVerifier() : null))
                .map(answer -> granted(provider, answer))
                .chain(grant -> connections.ownerOf(provider, grant.providerUserId()).map(owner -> {
                    if (owner != null && !owner.equals(runnerId)) {
                        throw ConnectionService.conflict(provider, grant.providerUserId());
                    }
                    return grant;
                }))
                .chain(grant -> Blocking.call(context, () -> client.register(grant, runnerId)).map(answer -> {
                    if (!(answer instanceof ProviderAnswer.Ok)) {
                        throw unavailable(provider, "registering the user", answer);
                    }
                    return grant;
                }))
                .chain(grant -> connections.store(runnerId, provider, grant))
                .invoke(stored -> {
                    metrics.counted(provider, stored.replayed());
                    relay.wakeUp();
                    worker.wakeUp();
                })
                .map(stored -> Response.status(stored.created() ? 201 : 200).entity(new Connected(provider.code(),
                        stored.providerUserId(), stored.connectedAt(), stored.replayed().size(),
                        stored.backfill().code())).build());
    }

    @DELETE
    @Path("{provider}")
    @Operation(summary = "Disconnects: deauthorizes at the provider and removes the link and its tokens",
            description = "204 once removed here, even when the provider could not be told (that is logged); 404 when"
                    + " the runner has no connection with the provider.")
    public Uni<Response> disconnect(@PathParam("runnerId") String runnerId, @PathParam("provider") String name) {
        ActivityAccess.ownRunner(Caller.of(identity), runnerId);
        Provider provider = ConnectSettings.provider(name);
        Context context = Vertx.currentContext();
        return connections.find(runnerId, provider).chain(link -> {
            if (link == null) {
                throw ProblemException.notFound("runner " + runnerId + " has no " + provider.code() + " connection");
            }
            return deauthorize(context, provider, link)
                    .chain(() -> connections.remove(link.key))
                    .map(ignored -> Response.noContent().build());
        });
    }

    /** Tells the provider; a failure is logged and does not keep the link, which the runner asked to remove. */
    private Uni<Void> deauthorize(Context context, Provider provider, DeviceLink link) {
        String user = link.key.providerUserId();
        if (link.accessToken == null || !tokens.configured()) {
            return Uni.createFrom().voidItem();
        }
        return keeper.accessToken(context, link).chain(fresh -> {
            if (!(fresh instanceof TokenKeeper.Fresh.Usable usable)) {
                Log.warnf("%s user %s disconnected without telling %s: no usable token (%s)", provider.code(), user,
                        provider.code(), fresh);
                return Uni.createFrom().voidItem();
            }
            return Blocking.call(context, () -> clients.of(provider).deauthorize(null, usable.accessToken(), user))
                    .invoke(answer -> {
                        if (!(answer instanceof ProviderAnswer.Ok)) {
                            Log.warnf("%s user %s disconnected here, but %s was not told: %s; the runner may revoke"
                                    + " access in their %s settings", provider.code(), user, provider.code(), answer,
                                    provider.code());
                        }
                    }).replaceWithVoid();
        }).onFailure().recoverWithUni(failure -> {
            Log.warnf("%s user %s disconnected without telling %s: %s", provider.code(), user, provider.code(),
                    failure.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    private static TokenGrant granted(Provider provider, ProviderAnswer<TokenGrant> answer) {
        if (answer instanceof ProviderAnswer.Ok<TokenGrant> ok) {
            return ok.value();
        }
        if (answer instanceof ProviderAnswer.Refused<TokenGrant> refused) {
            Log.infof("%s refused an authorization code: HTTP %d %s", provider.code(), refused.status(), refused.body());
            throw ProblemException.invalid("code", provider.code() + " refused the authorization code (HTTP "
                    + refused.status() + "): a code works once and for a few minutes, with the redirectUri it was"
                    + " issued for; start the connect again");
        }
        throw unavailable(provider, "exchanging the code", answer);
    }

    private static ProblemException unavailable(Provider provider, String doing, ProviderAnswer<?> answer) {
        String why = answer instanceof ProviderAnswer.Refused<?> refused ? "HTTP " + refused.status()
                : answer instanceof ProviderAnswer.RateLimited<?> ? "rate limited"
                : ((ProviderAnswer.Unavailable<?>) answer).reason();
        Log.warnf("%s failed while %s: %s", provider.code(), doing, answer);
        return new ProblemException(502, "Provider unavailable", provider.code() + " did not answer usefully while "
                + doing + " (" + why + "); nothing was stored, try again later", List.of());
    }

    private void requireTokenStorage() {
        if (!tokens.configured()) {
            throw new ProblemException(503, "Token storage not configured", "this server has no"
                    + " rebound.activity.token-key (REBOUND_TOKEN_KEY), so it cannot store providers' tokens",
                    List.of());
        }
    }

    /** Both halves of a connect: the runner's own, a provider configured here, token storage, an allowed callback. */
    private Start start(String runnerId, String name, Object request, Supplier<String> redirectUri) {
        ActivityAccess.ownRunner(Caller.of(identity), runnerId);
        Provider provider = ConnectSettings.provider(name);
        validator.check(request);
        Credentials credentials = settings.require(provider);
        requireTokenStorage();
        settings.checkRedirect(provider, redirectUri.get());
        return new Start(provider, credentials, clients.of(provider));
    }

    private record Start(Provider provider, Credentials credentials, OAuthClient client) {
    }
}
