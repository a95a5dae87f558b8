package io.rebound.activity.connect;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Completes a connect with what the provider's redirect brought back. */
public record ConnectRequest(
        @NotBlank @Size(max = 2000) @Schema(description = "The authorization code from the redirect") String code,
        @NotBlank @Size(max = 2000) @Schema(description = "The same redirectUri the authorization URL was made with")
        String redirectUri,
        @Pattern(regexp = "[A-Za-z0-9._~-]{43,128}", message = "must be a PKCE code verifier: 43 to 128 of"
                + " A-Z a-z 0-9 . _ ~ -") @Schema(description = "PKCE code verifier; required for Garmin",
                nullable = true) String codeVerifier,
        @Size(max = 500) @Schema(description = "The scope the redirect said was granted (Strava's scope parameter);"
                + " Strava needs activity:read_all", nullable = true) String scope) {
}
