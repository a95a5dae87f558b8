package io.rebound.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void formsMayPostOnlyHereAndToTheIdentityProvidersOrigin() {
        String policy = SecurityHeaders.policy("http://localhost:8180/realms/rebound");

        assertThat(policy).contains("form-action 'self' http://localhost:8180;")
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
                        "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void theOriginKeepsSchemeHostAndPortOnly() {
        assertThat(SecurityHeaders.origin("https://id.rebound.example.org/realms/rebound")).isEqualTo("https://id.rebound.example.org");
        assertThat(SecurityHeaders.origin("not a url")).isNull();
        assertThat(SecurityHeaders.policy("")).contains("form-action 'self';");
    }

    @Test
    void theDevicesPagesFormsMayAlsoLeadToTheProvidersAuthorizationPages() {
        String policy = SecurityHeaders.policy("http://localhost:8180/realms/rebound",
                java.util.List.of("https://www.strava.com", "https://flow.polar.com/oauth2/authorization", "not a url"));

        assertThat(policy).contains("form-action 'self' http://localhost:8180 https://www.strava.com https://flow.polar.com;")
                .doesNotContain("not a url");
    }
}
