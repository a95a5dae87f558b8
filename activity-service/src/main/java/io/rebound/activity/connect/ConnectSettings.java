package io.rebound.activity.connect;

import io.rebound.activity.ActivityConfig;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.provider.Credentials;
import io.rebound.activity.provider.ProviderHttp;
import io.rebound.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each provider's OAuth and API endpoints are, this server's client credentials with each, and the callback
 * URLs a connect may name. A provider is available for connecting when both its client id and secret are set.
 */
@ApplicationScoped
public class ConnectSettings {

    /** The providers a runner connects through OAuth, in the order the API lists them. */
    public static final List<Provider> PROVIDERS = List.of(Provider.STRAVA, Provider.POLAR, Provider.GARMIN);

    private final Map<Provider, Client> clients = new EnumMap<>(Provider.class);
    private final Map<Provider, Endpoints> endpoints = new EnumMap<>(Provider.class);
    private final List<String> redirectUris;
    private final Duration garminBackfillSpacing;

    /** A client id and secret as configured; either may be missing. */
    public record Client(Optional<String> id, Optional<String> secret) {
        public Client {
            id = id.map(String::trim).filter(s -> !s.isEmpty());
            secret = secret.map(String::trim).filter(s -> !s.isEmpty());
        }

        boolean complete() {
            return id.isPresent() && secret.isPresent();
        }
    }

    /**
     * @param authorize where the runner's browser is sent to grant access
     * @param token     the token endpoint
     * @param api       the API's base URL
     */
    public record Endpoints(URI authorize, URI token, URI api) {
    }

    @Inject
    public ConnectSettings(ActivityConfig config) {
        this(config.strava().clientId(), config.strava().clientSecret(), config.strava().authUrl(),
                config.strava().baseUrl(), config.polar().clientId(), config.polar().clientSecret(),
                config.polar().authUrl(), config.polar().tokenUrl(), config.polar().baseUrl(),
                config.garmin().clientId(), config.garmin().clientSecret(), config.garmin().authUrl(),
                config.garmin().tokenUrl(), config.garmin().apiUrl(), config.connect().redirectUris(),
                config.connect().garminBackfillSpacing());
    }

    ConnectSettings(Optional<String> stravaId, Optional<String> stravaSecret, URI stravaAuth, URI stravaBase,
            Optional<String> polarId, Optional<String> polarSecret, URI polarAuth, URI polarToken, URI polarBase,
            Optional<String> garminId, Optional<String> garminSecret, URI garminAuth, URI garminToken, URI garminApi,
            List<String> redirectUris, Duration garminBackfillSpacing) {
        clients.put(Provider.STRAVA, new Client(stravaId, stravaSecret));
        clients.put(Provider.POLAR, new Client(polarId, polarSecret));
        clients.put(Provider.GARMIN, new Client(garminId, garminSecret));
        endpoints.put(Provider.STRAVA, new Endpoints(stravaAuth, ProviderHttp.under(stravaBase, "/oauth/token"), stravaBase));
        endpoints.put(Provider.POLAR, new Endpoints(polarAuth, polarToken, polarBase));
        endpoints.put(Provider.GARMIN, new Endpoints(garminAuth, garminToken, garminApi));
        this.redirectUris = redirectUris.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.garminBackfillSpacing = garminBackfillSpacing;
    }

    /** The provider named in a path ({@code strava}, {@code polar}, {@code garmin}); 404 for any other. */
    public static Provider provider(String name) {
        return PROVIDERS.stream().filter(p -> p.code().equals(name == null ? "" : name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("no provider '" + name + "' to connect; expected one of "
                        + String.join(", ", PROVIDERS.stream().map(Provider::code).toList())));
    }

    /** The providers whose client id and secret are both configured. */
    public List<String> available() {
        return PROVIDERS.stream().filter(p -> clients.get(p).complete()).map(Provider::code).toList();
    }

    /** The provider's credentials; 503 problem+json naming the missing keys when they are not configured. */
    public Credentials require(Provider provider) {
        Client client = clients.get(provider);
        List<String> missing = new ArrayList<>();
        String prefix = "rebound.activity." + provider.code() + ".";
        String env = "REBOUND_" + provider.name() + "_";
        if (client.id().isEmpty()) {
            missing.add(prefix + "client-id (" + env + "CLIENT_ID)");
        }
        if (client.secret().isEmpty()) {
            missing.add(prefix + "client-secret (" + env + "CLIENT_SECRET)");
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(503, "Provider not configured", "this server cannot connect "
                    + provider.code() + ": " + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not set", List.of());
        }
        return new Credentials(client.id().get(), client.secret().get());
    }

    public Endpoints endpoints(Provider provider) {
        return endpoints.get(provider);
    }

    /**
     * Checks that {@code redirectUri} is one of the configured callback URLs (each may hold {@code {provider}},
     * standing for the provider's name); 400 naming {@code redirectUri} otherwise.
     */
    public void checkRedirect(Provider provider, String redirectUri) {
        boolean allowed = redirectUris.stream()
                .anyMatch(allowedUri -> allowedUri.replace("{provider}", provider.code()).equals(redirectUri));
        if (!allowed) {
            throw ProblemException.invalid("redirectUri", "'" + redirectUri + "' is not a callback URL this server"
                    + " allows for " + provider.code() + " (rebound.activity.connect.redirect-uris)");
        }
    }

    /** The pause between two Garmin backfill requests, so a connect stays inside Garmin's days-per-minute limit. */
    public Duration garminBackfillSpacing() {
        return garminBackfillSpacing;
    }
}
