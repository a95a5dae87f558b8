package io.rebound.activity.provider.polar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.provider.Credentials;
import io.rebound.activity.provider.ProviderJson;
import io.rebound.activity.provider.OAuthClient;
import io.rebound.activity.provider.ProviderAnswer;
import io.rebound.activity.provider.ProviderHttp;
import io.rebound.activity.provider.ProviderOAuth;
import io.rebound.activity.provider.TokenGrant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
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
public final class PolarOAuth extends ProviderOAuth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI authorize;
    private final URI token;
    private final URI api;

    public PolarOAuth(URI authorize, URI token, URI api, ProviderHttp http, Clock clock) {
        super(Provider.POLAR, false, false, http, clock);
        this.authorize = Objects.requireNonNull(authorize, "authorize");
        this.token = Objects.requireNonNull(token, "token");
        this.api = Objects.requireNonNull(api, "api");
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
        return call(request, "polar token exchange", this::grant);
    }

    @Override
    public ProviderAnswer<Void> register(TokenGrant grant, String runnerId) {
        String body = JSON.createObjectNode().put("member-id", runnerId).toString();
        HttpRequest request = ProviderHttp.withBearer(ProviderHttp.under(api, "/v3/users"), grant.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        ProviderAnswer<Void> answer = call(request, "polar user registration", response -> null);
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
                ProviderHttp.under(api, "/v3/users/" + ProviderHttp.encode(providerUserId)), accessToken)
                .DELETE().build();
        return call(request, "polar user deregistration", response -> null);
    }

    private TokenGrant grant(HttpResponse<String> response) {
        JsonNode answer = ProviderJson.parseObject(response.body(), "polar token answer");
        return new TokenGrant(Long.toString(ProviderJson.requiredId(answer, "x_user_id")),
                ProviderJson.requiredText(answer, "access_token"), null, expiresIn(answer));
    }
}
