package io.rebound.web.client;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the signed-in person's access token (from their sign-in session, refreshed by Quarkus OIDC before it
 * expires) as the bearer token of every call to the services, which check it themselves. Never the ID token.
 * Does what quarkus-rest-client-oidc-token-propagation's filter does; that extension's parent POM is missing from
 * the Maven repository for 3.33.2, so it cannot be resolved.
 */
@ApplicationScoped
public class AccessTokenPropagation implements ClientRequestFilter {

    private final SecurityIdentity identity;

    public AccessTokenPropagation(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token != null && token.getToken() != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
