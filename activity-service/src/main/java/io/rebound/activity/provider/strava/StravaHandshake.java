package io.rebound.activity.provider.strava;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Strava's subscription validation: when a subscription is created Strava sends
 * {@code GET callback?hub.mode=subscribe&hub.verify_token=...&hub.challenge=...} and expects the challenge echoed
 * back as {@code {"hub.challenge":"..."}} within two seconds.
 */
public final class StravaHandshake {

    private StravaHandshake() {
    }

    /**
     * The body to answer with, or empty when the request is not a subscription or its token is not ours (answer
     * 403 then). An unset expected token matches nothing, so a missing setting cannot open the subscription.
     */
    public static Optional<String> answer(String mode, String verifyToken, String challenge, String expectedToken) {
        if (!"subscribe".equals(mode) || verifyToken == null || challenge == null
                || expectedToken == null || expectedToken.isEmpty()) {
            return Optional.empty();
        }
        // Constant time, so the token cannot be guessed a byte at a time from response times.
        boolean matches = MessageDigest.isEqual(
                verifyToken.getBytes(StandardCharsets.UTF_8), expectedToken.getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            return Optional.empty();
        }
        return Optional.of(JsonNodeFactory.instance.objectNode().put("hub.challenge", challenge).toString());
    }
}
