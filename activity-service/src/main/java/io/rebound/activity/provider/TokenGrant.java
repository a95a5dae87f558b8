package io.rebound.activity.provider;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider's token answer.
 *
 * @param providerUserId the provider's id of the user who granted access (from the token answer, or for Garmin the
 *                       user id endpoint called with the new token); null in a refresh's answer
 * @param refreshToken   null when the provider issues none (Polar) or kept the old one
 * @param expiresAt      null when the provider does not say
 */
public record TokenGrant(String providerUserId, String accessToken, String refreshToken, Instant expiresAt) {

    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    public TokenGrant withUser(String userId) {
        return new TokenGrant(userId, accessToken, refreshToken, expiresAt);
    }

    @Override
    public String toString() {
        return "TokenGrant[providerUserId=" + providerUserId + ", expiresAt=" + expiresAt + "]";
    }
}
