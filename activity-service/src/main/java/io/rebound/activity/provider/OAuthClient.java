package io.rebound.activity.provider;

import io.rebound.activity.ingest.Provider;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** One provider's side of OAuth 2.0: the authorization URL, the code exchange, refresh and deauthorization. */
public interface OAuthClient {

    Provider provider();

    /** Whether the provider takes a PKCE code challenge (S256). */
    boolean pkce();

    /** Whether the provider's access tokens expire and can be refreshed. */
    boolean refreshes();

    URI authorizationUrl(Credentials credentials, String redirectUri, String state, String codeChallenge);

    /** Exchanges the code; the grant names the provider's user, as the provider says. */
    ProviderAnswer<TokenGrant> exchange(Credentials credentials, String code, String redirectUri, String codeVerifier);

    /** What the provider wants done once the user is known, before data flows (Polar: register the user). */
    default ProviderAnswer<Void> register(TokenGrant grant, String runnerId) {
        return new ProviderAnswer.Ok<>(null);
    }

    /** A new access token (and perhaps a new refresh token) for the refresh token. */
    ProviderAnswer<TokenGrant> refresh(Credentials credentials, String refreshToken);

    /** Tells the provider we no longer want the user's data, revoking our tokens there. */
    ProviderAnswer<Void> deauthorize(Credentials credentials, String accessToken, String providerUserId);

    /** {@code base?k=v&...}, each value encoded; null values left out. */
    static URI withQuery(URI base, Map<String, String> parameters) {
        String query = new LinkedHashMap<>(parameters).entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> ProviderHttp.encode(e.getKey()) + "=" + ProviderHttp.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String text = base.toString();
        return URI.create(text + (text.contains("?") ? "&" : "?") + query);
    }

    /** Retry-After when sent, else a quarter of an hour: the short window of Strava's and Polar's limits. */
    static Duration retryAfter(HttpHeaders headers, Clock clock) {
        return headers.firstValue("Retry-After").flatMap(value -> RetryAfter.parse(value, clock.instant()))
                .orElse(Duration.ofMinutes(15));
    }
}
