package io.rebound.activity.connect;

import io.rebound.activity.ingest.Provider;
import io.rebound.activity.provider.OAuthClient;
import io.rebound.activity.provider.ProviderHttp;
import io.rebound.activity.provider.garmin.GarminBackfill;
import io.rebound.activity.provider.garmin.GarminOAuth;
import io.rebound.activity.provider.polar.PolarOAuth;
import io.rebound.activity.provider.strava.StravaOAuth;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Each connectable provider's {@link OAuthClient}, and Garmin's backfill, built from {@link ConnectSettings}. */
@ApplicationScoped
public class OAuthClients {

    private final Map<Provider, OAuthClient> clients = new EnumMap<>(Provider.class);
    private final GarminBackfill garminBackfill;

    public OAuthClients(ConnectSettings settings) {
        ProviderHttp http = ProviderHttp.create();
        Clock clock = Clock.systemUTC();
        ConnectSettings.Endpoints strava = settings.endpoints(Provider.STRAVA);
        ConnectSettings.Endpoints polar = settings.endpoints(Provider.POLAR);
        ConnectSettings.Endpoints garmin = settings.endpoints(Provider.GARMIN);
        clients.put(Provider.STRAVA, new StravaOAuth(strava.authorize(), strava.api(), http, clock));
        clients.put(Provider.POLAR, new PolarOAuth(polar.authorize(), polar.token(), polar.api(), http, clock));
        clients.put(Provider.GARMIN, new GarminOAuth(garmin.authorize(), garmin.token(), garmin.api(), http, clock));
        this.garminBackfill = new GarminBackfill(garmin.api(), http, clock);
    }

    public OAuthClient of(Provider provider) {
        OAuthClient client = clients.get(provider);
        if (client == null) {
            throw new IllegalArgumentException(provider.code() + " has no OAuth connect");
        }
        return client;
    }

    public GarminBackfill garminBackfill() {
        return garminBackfill;
    }
}
