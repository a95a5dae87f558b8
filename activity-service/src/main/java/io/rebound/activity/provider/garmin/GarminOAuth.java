package io.rebound.activity.provider.garmin;

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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Garmin Connect Developer Program's OAuth 2.0 with PKCE (S256): the browser goes to {@code oauth2Confirm} with
 * the code challenge; the code is exchanged with the verifier at the token endpoint, whose answer gives an access
 * token ({@code expires_in} seconds, a day) and a refresh token (a new one with every refresh). The token answer does
 * not name the user: {@code GET /wellness-api/rest/user/id} with the new token does. Garmin asks for no scope: the
 * user picks what to share on Garmin's consent page. {@code DELETE /wellness-api/rest/user/registration} ends it.
 */
public final class GarminOAuth extends ProviderOAuth {

    private final URI authorize;
    private final URI token;
    private final URI api;

    public GarminOAuth(URI authorize, URI token, URI api, ProviderHttp http, Clock clock) {
        super(Provider.GARMIN, true, true, http, clock);
        this.authorize = Objects.requireNonNull(authorize, "authorize");
        this.token = Objects.requireNonNull(token, "token");
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public URI authorizationUrl(Credentials credentials, String redirectUri, String state, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", credentials.clientId());
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        return OAuthClient.withQuery(authorize, query);
    }

    @Override
    public ProviderAnswer<TokenGrant> exchange(Credentials credentials, String code, String redirectUri,
            String codeVerifier) {
        Map<String, String> form = credentialsForm(credentials, "authorization_code");
        form.put("code", code);
        form.put("code_verifier", codeVerifier);
        form.put("redirect_uri", redirectUri);
        ProviderAnswer<TokenGrant> tokens = call(ProviderHttp.formPost(token, form).build(), "garmin token exchange",
                this::grant);
        if (!(tokens instanceof ProviderAnswer.Ok<TokenGrant> ok)) {
            return tokens;
        }
        ProviderAnswer<String> user = userId(ok.value().accessToken());
        if (user instanceof ProviderAnswer.Ok<String> id) {
            return new ProviderAnswer.Ok<>(ok.value().withUser(id.value()));
        }
        // A token Garmin just gave that its own API refuses is Garmin's trouble, not the runner's code.
        return user instanceof ProviderAnswer.Refused<String> refused
                ? new ProviderAnswer.Unavailable<>("garmin user id: HTTP " + refused.status() + " " + refused.body())
                : user.failure();
    }

    ProviderAnswer<String> userId(String accessToken) {
        HttpRequest request = ProviderHttp.withBearer(ProviderHttp.under(api, "/wellness-api/rest/user/id"),
                accessToken).GET().build();
        return call(request, "garmin user id", response -> ProviderJson.requiredText(ProviderJson.parseObject(response.body(), "garmin user id answer"),
                        "userId"));
    }

    @Override
    public ProviderAnswer<TokenGrant> refresh(Credentials credentials, String refreshToken) {
        Map<String, String> form = credentialsForm(credentials, "refresh_token");
        form.put("refresh_token", refreshToken);
        return call(ProviderHttp.formPost(token, form).build(), "garmin token refresh", this::grant);
    }

    @Override
    public ProviderAnswer<Void> deauthorize(Credentials credentials, String accessToken, String providerUserId) {
        HttpRequest request = ProviderHttp.withBearer(
                ProviderHttp.under(api, "/wellness-api/rest/user/registration"), accessToken).DELETE().build();
        return call(request, "garmin user deregistration", response -> null);
    }

    private TokenGrant grant(HttpResponse<String> response) {
        JsonNode answer = ProviderJson.parseObject(response.body(), "garmin token answer");
        return new TokenGrant(null, ProviderJson.requiredText(answer, "access_token"),
                ProviderJson.optionalText(answer, "refresh_token").orElse(null), expiresIn(answer));
    }
}
