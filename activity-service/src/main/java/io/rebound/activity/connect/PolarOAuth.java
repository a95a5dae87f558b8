package io.rebound.activity.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.activity.connect.ConnectSettings.Credentials;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.webhook.JsonFields;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Polar AccessLink's OAuth: the browser goes to Polar Flow's authorization page (no PKCE), the code is exchanged at
 * Polar's token endpoint with HTTP Basic client credentials; the answer names the user ({@code x_user_id}) and gives
 * a long-lived access token ({@code expires_in} seconds) and no refresh token. Before any data flows the user is
 * registered ({@code POST /v3/users}; 409 means already registered); {@code DELETE /v3/users/{user-id}}
 * deregisters them and revokes the token.
 */
public final class PolarOAuth implements OAuthClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI authorize;
    private final URI token;
    private final URI api;
    private final ProviderHttp http;
    private final Clock clock;

    public PolarOAuth(URI authorize, URI token, URI api, ProviderHttp http, Clock clock) {
        this.authorize = Objects.requireNonNull(authorize, "authorize");
        this.token = Objects.requireNonNull(token, "token");
        this.api = Objects.requireNonNull(api, "api");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Provider provider() {
        return Provider.POLAR;
    }

    @Override
    public boolean pkce() {
        return false;
    }

    @Override
    public boolean refreshes() {
        return false;
    }

    @Override
    public URI authorizationUrl(Credentials credentials, String redirectUri, String state, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", credentials.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", "accesslink.read_all");
        query.put("state", state);
        return OAuthClient.withQuery(authorize, query);
    }

    @Override
    public ProviderAnswer<TokenGrant> exchange(Credentials credentials, String code, String redirectUri,
            String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        HttpRequest request = ProviderHttp.formPost(token, form)
                .header("Authorization", ProviderHttp.basic(credentials.clientId(), credentials.clientSecret()))
                .build();
        return http.send(request, "polar token exchange", headers -> OAuthClient.retryAfter(headers, clock),
                this::grant);
    }

    @Override
    public ProviderAnswer<Void> register(TokenGrant grant, String runnerId) {
        String body = JSON.createObjectNode().put("member-id", runnerId).toString();
        HttpRequest request = ProviderHttp.withBearer(ConnectSettings.under(api, "/v3/users"), grant.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        ProviderAnswer<Void> answer = http.send(request, "polar user registration",
                headers -> OAuthClient.retryAfter(headers, clock), response -> null);
        // 409: the user is registered with us already (a connect again); that is what we wanted.
        if (answer instanceof ProviderAnswer.Refused<Void> refused && refused.status() == 409) {
            return new ProviderAnswer.Ok<>(null);
        }
        return answer;
    }

    @Override
    public ProviderAnswer<TokenGrant> refresh(Credentials credentials, String refreshToken) {
        throw new UnsupportedOperationException("Polar issues no refresh tokens");
    }

    @Override
    public ProviderAnswer<Void> deauthorize(Credentials credentials, String accessToken, String providerUserId) {
        HttpRequest request = ProviderHttp.withBearer(
                ConnectSettings.under(api, "/v3/users/" + ProviderHttp.encode(providerUserId)), accessToken)
                .DELETE().build();
        return http.send(request, "polar user deregistration", headers -> OAuthClient.retryAfter(headers, clock),
                response -> null);
    }

    private TokenGrant grant(HttpResponse<String> response) {
        JsonNode answer = JsonFields.parseObject(response.body(), "polar token answer");
        Instant expires = JsonFields.longValue(answer, "expires_in")
                .map(seconds -> clock.instant().plusSeconds(seconds)).orElse(null);
        return new TokenGrant(Long.toString(JsonFields.requiredId(answer, "x_user_id")),
                JsonFields.requiredText(answer, "access_token"), null, expires);
    }
}
