package io.rebound.web.client;

/**
 * What the web app asks activity-service for a provider's authorization address with.
 *
 * @param codeChallenge the PKCE S256 challenge; providers without PKCE ignore it
 */
public record AuthorizationRequest(String redirectUri, String state, String codeChallenge) {
}
