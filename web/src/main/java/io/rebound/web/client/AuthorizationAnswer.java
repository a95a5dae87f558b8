package io.rebound.web.client;

/** The provider's page where the runner says yes or no, with our client id, redirect address and state in it. */
public record AuthorizationAnswer(String authorizationUrl) {
}
