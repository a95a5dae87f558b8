package io.rebound.web.devices;

import java.time.Instant;

/**
 * What the web app remembers between sending a runner to a provider and their coming back, in an encrypted cookie
 * ({@link ConnectCookie}): the state the provider must echo, the PKCE verifier, and who started it for which
 * runner and provider, until when.
 */
public record ConnectState(String state, String verifier, String provider, String runnerId, String subject,
        Instant expiresAt) {
}
