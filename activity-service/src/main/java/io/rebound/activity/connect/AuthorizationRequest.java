package io.rebound.activity.connect;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Asks for the URL that sends the runner's browser to the provider to grant access. */
public record AuthorizationRequest(
        @NotBlank @Size(max = 2000) @Schema(description = "Where the provider sends the browser back: one of the"
                + " callback URLs this server allows (rebound.activity.connect.redirect-uris)") String redirectUri,
        @NotBlank @Size(max = 500) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
        @Schema(description = "Opaque value bound to the runner's session; the provider hands it back on the redirect,"
                + " where the caller checks it") String state,
        @Pattern(regexp = "[A-Za-z0-9_-]{43,128}", message = "must be an S256 code challenge: 43 to 128 base64url"
                + " characters") @Schema(description = "PKCE S256 code challenge; required for Garmin, ignored for"
                + " Strava and Polar, which do not take one", nullable = true) String codeChallenge) {
}
