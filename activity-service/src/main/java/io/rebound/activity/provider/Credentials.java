package io.rebound.activity.provider;

/** This server's client id and secret with a provider, both present. */
public record Credentials(String clientId, String clientSecret) {
}
