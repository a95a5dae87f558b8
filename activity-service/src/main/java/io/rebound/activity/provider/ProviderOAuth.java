package io.rebound.activity.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebound.activity.ingest.Provider;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** What the providers' OAuth clients share: who they are, one way to call the provider, and the token forms. */
public abstract class ProviderOAuth implements OAuthClient {

    private final Provider provider;
    private final boolean pkce;
    private final boolean refreshes;
    private final ProviderHttp http;
    protected final Clock clock;

    protected ProviderOAuth(Provider provider, boolean pkce, boolean refreshes, ProviderHttp http, Clock clock) {
        this.provider = provider;
        this.pkce = pkce;
        this.refreshes = refreshes;
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public final Provider provider() {
        return provider;
    }

    @Override
    public final boolean pkce() {
        return pkce;
    }

    @Override
    public final boolean refreshes() {
        return refreshes;
    }

    /** Sends the request; a 429 waits as long as the provider says (or a quarter of an hour). */
    protected final <T> ProviderAnswer<T> call(HttpRequest request, String what, Function<HttpResponse<String>, T> reader) {
        return http.send(request, what, headers -> OAuthClient.retryAfter(headers, clock), reader);
    }

    /** A token request's form with our client credentials in the body, as Strava and Garmin take them. */
    protected static Map<String, String> credentialsForm(Credentials credentials, String grantType) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grantType);
        form.put("client_id", credentials.clientId());
        form.put("client_secret", credentials.clientSecret());
        return form;
    }

    /** When a token given now with {@code expires_in} seconds to live runs out; null when the answer does not say. */
    protected final Instant expiresIn(JsonNode answer) {
        return ProviderJson.optionalLong(answer, "expires_in").map(seconds -> clock.instant().plusSeconds(seconds)).orElse(null);
    }
}
