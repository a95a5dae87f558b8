package io.rebound.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port choices for the servers devstack starts. */
public final class Ports {

    private Ports() {
    }

    /** A port that is free on loopback right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /** The port itself, or a free one when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? free() : port;
    }

    /**
     * The ports of one devstack. Local runs use fixed defaults so a developer's tools find them; tests use 0 (any
     * free port) so parallel builds never collide.
     */
    public record Plan(int kafka, int postgres, int smtp, int mailbox, int issuer, int keycloak) {

        public static final Plan RANDOM = new Plan(0, 0, 0, 0, 0, 0);

        /**
         * Defaults 9092, 5433, 2525, 8025, 8026 (the token issuer) and 8180 (Keycloak), each overridable by a system
         * property or environment variable.
         */
        public static Plan localDefaults() {
            return new Plan(
                    setting("rebound.devstack.kafka-port", "REBOUND_KAFKA_PORT", 9092),
                    setting("rebound.devstack.postgres-port", "REBOUND_POSTGRES_PORT", 5433),
                    setting("rebound.devstack.smtp-port", "REBOUND_SMTP_PORT", 2525),
                    setting("rebound.devstack.mailbox-port", "REBOUND_MAILBOX_PORT", 8025),
                    setting("rebound.devstack.issuer-port", "REBOUND_ISSUER_PORT", 8026),
                    setting("rebound.devstack.keycloak-port", "REBOUND_KEYCLOAK_PORT", 8180));
        }

        private static int setting(String property, String variable, int fallback) {
            String value = System.getProperty(property, System.getenv(variable));
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(property + " (or " + variable + ") must be a port number, got '" + value + "'");
            }
        }
    }
}
