package io.rebound.web.devices;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The connect cookie's key comes from the secret that already protects the sign-in's state cookie
 * ({@code REBOUND_WEB_STATE_SECRET}), under a label of its own; without one, from random bytes made at start, as
 * Quarkus does for the sign-in (then a restart, or a second instance, refuses attempts begun before it).
 */
@ApplicationScoped
public class ConnectCookies {

    @Produces
    @Singleton
    ConnectCookie connectCookie(@ConfigProperty(name = "quarkus.oidc.authentication.state-secret") Optional<String> secret) {
        SecureRandom random = new SecureRandom();
        byte[] key;
        if (secret.isPresent() && !secret.get().isBlank()) {
            key = secret.get().getBytes(StandardCharsets.UTF_8);
        } else {
            key = new byte[32];
            random.nextBytes(key);
            Log.info("REBOUND_WEB_STATE_SECRET is not set: device connections started before a restart will be refused");
        }
        return new ConnectCookie(key, random);
    }
}
