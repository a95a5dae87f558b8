package io.rebound.web.devices;

import io.quarkus.logging.Log;
import io.rebound.web.client.ApiException;
import io.rebound.web.client.AuthorizationAnswer;
import io.rebound.web.client.AuthorizationRequest;
import io.rebound.web.client.ConnectionRequest;
import io.rebound.web.client.ConnectionsApi;
import io.rebound.web.client.NewConnection;
import io.rebound.web.errors.PageException;
import io.rebound.web.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.net.URI;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Connecting a runner's Strava, Polar or Garmin account: sends the browser to the provider with a state and a PKCE
 * challenge kept in an encrypted cookie, and on the way back trades the provider's code for the connection (through
 * activity-service, which holds the client secrets) only when the answer belongs to the attempt this person started.
 * Every way it can fail ends on the Devices page with a sentence, having stored nothing.
 */
@ApplicationScoped
public class DeviceConnections {

    /** Where the provider sends the browser back, under the web app's public address. */
    public static final String CALLBACK = "/devices/callback/";

    /** Where to send the browser next, and the cookie to set there (null: none to set). */
    public record Step(URI location, String cookie) {
    }

    private final ConnectionsApi api;
    private final ConnectCookie cookies;
    private final String publicUrl;
    private final Clock clock;

    @Inject
    public DeviceConnections(@RestClient ConnectionsApi api, ConnectCookie cookies,
            @ConfigProperty(name = "rebound.web.public-url") String publicUrl) {
        this(api, cookies, publicUrl, Clock.systemUTC());
    }

    DeviceConnections(ConnectionsApi api, ConnectCookie cookies, String publicUrl, Clock clock) {
        this.api = api;
        this.cookies = cookies;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    /** The address the provider sends the runner back to; activity-service only accepts the ones it is configured with. */
    public String redirectUri(DeviceProvider provider) {
        return publicUrl + CALLBACK + provider.id();
    }

    /** The runner pressed "Connect": to the provider's page, with the attempt in the cookie. */
    public Step start(Viewer viewer, String runnerId, DeviceProvider provider) {
        if (!viewer.isRunner(runnerId)) {
            throw PageException.forbidden("Only the runner can connect their own watch or app.");
        }
        ConnectState attempt = cookies.begin(provider, runnerId, viewer.subject(), clock.instant());
        AuthorizationAnswer answer;
        try {
            answer = api.authorization(runnerId, provider.id(),
                    new AuthorizationRequest(redirectUri(provider), attempt.state(), Pkce.challenge(attempt.verifier())));
        } catch (ApiException e) {
            DeviceOutcome outcome = switch (e.status()) {
                case 503 -> DeviceOutcome.NOT_OFFERED;
                case 400, 422 -> DeviceOutcome.MISCONFIGURED;
                case 502, 504 -> DeviceOutcome.PROVIDER_DOWN;
                default -> null;
            };
            if (outcome == null) {
                throw e;
            }
            if (outcome == DeviceOutcome.MISCONFIGURED) {
                Log.warnf("activity-service refused to start connecting %s with redirect address %s: %s", provider.id(),
                        redirectUri(provider), e.problem().detail());
            }
            return back(runnerId, provider, outcome, 0);
        }
        URI location = providerPage(answer);
        if (location == null) {
            Log.warnf("activity-service gave no usable authorization address for %s", provider.id());
            return back(runnerId, provider, DeviceOutcome.MISCONFIGURED, 0);
        }
        return new Step(location, cookies.seal(attempt));
    }

    /**
     * The provider sent the runner back: with {@code code}, {@code state} and (Strava) the granted {@code scope}, or
     * with {@code error} when they said no.
     */
    public Step finish(Viewer viewer, DeviceProvider provider, String cookie, String code, String state, String scope,
            String error) {
        String home = viewer.runner() ? viewer.subject() : null;
        if (error != null && !error.isBlank()) {
            return back(home, provider, "access_denied".equals(error) ? DeviceOutcome.DENIED : DeviceOutcome.PROVIDER_ERROR, 0);
        }
        ConnectCookie.Check check = cookies.check(cookie, provider, state, viewer.subject(), clock.instant());
        if (!check.valid()) {
            Log.infof("a %s callback for %s was refused: %s", provider.id(), viewer.subject(), check.verdict());
            return back(home, provider, check.verdict() == ConnectCookie.Verdict.EXPIRED ? DeviceOutcome.EXPIRED
                    : DeviceOutcome.STALE, 0);
        }
        ConnectState attempt = check.state();
        if (code == null || code.isBlank()) {
            return back(attempt.runnerId(), provider, DeviceOutcome.PROVIDER_ERROR, 0);
        }
        try {
            NewConnection made = api.connect(attempt.runnerId(), provider.id(), new ConnectionRequest(code,
                    redirectUri(provider), attempt.verifier(), scope == null || scope.isBlank() ? null : scope));
            DeviceOutcome outcome = made != null && "queued".equals(made.backfill()) ? DeviceOutcome.CONNECTED_BACKFILL
                    : DeviceOutcome.CONNECTED;
            return back(attempt.runnerId(), provider, outcome, made == null || made.replayed() == null ? 0 : made.replayed());
        } catch (ApiException e) {
            DeviceOutcome outcome = switch (e.status()) {
                case 400, 422 -> e.problem().fieldErrors().stream().anyMatch(f -> "scope".equals(f.field()))
                        ? DeviceOutcome.SCOPE_MISSING : DeviceOutcome.CODE_REFUSED;
                case 409 -> DeviceOutcome.LINKED_ELSEWHERE;
                case 502, 504 -> DeviceOutcome.PROVIDER_DOWN;
                case 503 -> DeviceOutcome.NOT_OFFERED;
                default -> e.status() >= 500 ? DeviceOutcome.UNAVAILABLE : null;
            };
            if (outcome == null) {
                throw e;
            }
            return back(attempt.runnerId(), provider, outcome, 0);
        } catch (ProcessingException e) {
            Log.warnf("activity-service could not be reached to connect %s: %s", provider.id(), e.getMessage());
            return back(attempt.runnerId(), provider, DeviceOutcome.UNAVAILABLE, 0);
        }
    }

    /** The runner (or the clinic desk) confirmed "Disconnect". */
    public Step disconnect(Viewer viewer, String runnerId, DeviceProvider provider) {
        if (!viewer.isRunner(runnerId) && !viewer.admin()) {
            throw PageException.forbidden("Only the runner and the clinic desk can disconnect a watch or app.");
        }
        try {
            api.disconnect(runnerId, provider.id());
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            return back(runnerId, provider, DeviceOutcome.NOT_CONNECTED, 0);
        }
        return back(runnerId, provider, DeviceOutcome.DISCONNECTED, 0);
    }

    /** The Devices page with the outcome to say; a person who is no runner has none, and goes to their start. */
    static Step back(String runnerId, DeviceProvider provider, DeviceOutcome outcome, int replayed) {
        if (runnerId == null) {
            return new Step(URI.create("/"), null);
        }
        return new Step(URI.create("/runners/" + runnerId + "/devices?outcome=" + outcome.id() + "&provider=" + provider.id()
                + (replayed > 0 ? "&replayed=" + replayed : "")), null);
    }

    /** Only an absolute http(s) address is one to send a browser to. */
    static URI providerPage(AuthorizationAnswer answer) {
        if (answer == null || answer.authorizationUrl() == null) {
            return null;
        }
        try {
            URI uri = URI.create(answer.authorizationUrl().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
