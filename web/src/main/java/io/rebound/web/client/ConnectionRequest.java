package io.rebound.web.client;

/**
 * The provider's answer as it came back to the callback, for activity-service to trade for tokens.
 *
 * @param codeVerifier the PKCE verifier of the challenge sent with the authorization
 * @param scope        what the runner granted, as the provider reported it (Strava does), or null
 */
public record ConnectionRequest(String code, String redirectUri, String codeVerifier, String scope) {
}
