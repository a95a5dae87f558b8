package io.rebound.activity.provider.strava;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.provider.Credentials;
import io.rebound.activity.provider.ProviderJson;
import io.rebound.activity.provider.OAuthClient;
import io.rebound.activity.provider.ProviderAnswer;
import io.rebound.activity.provider.ProviderHttp;
import io.rebound.activity.provider.ProviderOAuth;
import io.rebound.activity.provider.TokenGrant;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Strava's OAuth: {@code GET /oauth/authorize} in the browser (scope {@code activity:read_all}; no PKCE), then
 * {@code POST /oauth/token}, whose answer names the athlete ({@code athlete.id}) and gives a six-hour access token
 * ({@code expires_at}, epoch seconds) and a refresh token that may change with every refresh;
 * {@code POST /oauth/deauthorize} revokes our access.
 */
public final class StravaOAuth extends ProviderOAuth {

    /** The scope we ask for and need: every activity, private ones included. */
    public static final String SCOPE = "activity:read_all";

    private final URI authorize;
    private final URI base;

    /** @param base {@code https://www.strava.com} in production: the token and deauthorize endpoints are below it */
    public StravaOAuth(URI authorize, URI base, ProviderHttp http, Clock clock) {
        super(Provider.STRAVA, false, true, http, clock);
        this.authorize = Objects.requireNonNull(authorize, "authorize");
        this.base = Objects.requireNonNull(base, "base");
    }

    /** True when Strava's comma-separated granted scope includes {@link #SCOPE}. */
    public static boolean grantsActivities(String grantedScope) {
        return grantedScope != null && Arrays.stream(grantedScope.split("[,\\s]+")).anyMatch(SCOPE::equals);
    }

    @Override
    public URI authorizationUrl(Credentials credentials, String redirectUri, String state, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", credentials.clientId());
        query.put("response_type", "code");
        query.put("redirect_uri", redirectUri);
        query.put("approval_prompt", "auto");
        query.put("scope", SCOPE);
        query.put("state", state);
        return OAuthClient.withQuery(authorize, query);
    }

    @Override
    public ProviderAnswer<TokenGrant> exchange(Credentials credentials, String code, String redirectUri,
            String codeVerifier) {
        Map<String, String> form = credentialsForm(credentials, "authorization_code");
        form.put("code", code);
        return call(ProviderHttp.formPost(ProviderHttp.under(base, "/oauth/token"), form).build(),
                "strava token exchange", response -> grant(response, true));
    }

    @Override
    public ProviderAnswer<TokenGrant> refresh(Credentials credentials, String refreshToken) {
        Map<String, String> form = credentialsForm(credentials, "refresh_token");
        form.put("refresh_token", refreshToken);
        return call(ProviderHttp.formPost(ProviderHttp.under(base, "/oauth/token"), form).build(),
                "strava token refresh", response -> grant(response, false));
    }

    @Override
    public ProviderAnswer<Void> deauthorize(Credentials credentials, String accessToken, String providerUserId) {
        return call(ProviderHttp.formPost(ProviderHttp.under(base, "/oauth/deauthorize"),
                Map.of("access_token", accessToken)).build(), "strava deauthorization", response -> null);
    }

    private static TokenGrant grant(HttpResponse<String> response, boolean withAthlete) {
        JsonNode answer = ProviderJson.parseObject(response.body(), "strava token answer");
        String athlete = withAthlete
                ? Long.toString(ProviderJson.requiredId(answer.path("athlete"), "id"))
                : null;
        return new TokenGrant(athlete, ProviderJson.requiredText(answer, "access_token"),
                ProviderJson.optionalText(answer, "refresh_token").orElse(null),
                ProviderJson.optionalLong(answer, "expires_at").map(Instant::ofEpochSecond).orElse(null));
    }
}
