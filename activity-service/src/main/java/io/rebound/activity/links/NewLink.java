package io.rebound.activity.links;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ties a provider's user to a runner. */
public record NewLink(
        @NotNull @Pattern(regexp = "strava|garmin|polar|webhook", message = "must be strava, garmin, polar or webhook")
        String provider,
        @NotBlank @Size(max = 200) @Schema(description = "The provider's id of the user (Strava's athlete id, Garmin's userId, ...)")
        String providerUserId,
        @Size(max = 2000) @Schema(description = "For Strava and Polar: the OAuth access token to fetch activities with."
                + " Stored encrypted.") String accessToken) {
}
