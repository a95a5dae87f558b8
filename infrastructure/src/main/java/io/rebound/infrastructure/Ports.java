package io.rebound.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Port choices for the servers devstack starts. */
public final class Ports {

    private Ports() {
    }

    /** Where the kernel's ephemeral range is not known: Linux's default. */
    private static final int DEFAULT_EPHEMERAL_LOW = 32768;
    /** The lowest port picked: above the well-known and most registered server ports. */
    private static final int LOWEST = 10000;

    /**
     * A port that is free on loopback right now, below the kernel's ephemeral range: a server that is stopped and
     * started again on its port (the fault tests do that to SMTP, Kafka and PostgreSQL) must find it free, and a port
     * in the ephemeral range may meanwhile have become the local end of some outgoing connection.
     */
    public static int free() {
        int below = ephemeralLow();
        if (below - LOWEST >= 1000) {
            for (int attempt = 0; attempt < 100; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
                if (bindable(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /** The lowest port of the kernel's ephemeral range ({@code /proc/sys/net/ipv4/ip_local_port_range} on Linux). */
    static int ephemeralLow() {
        try {
            // By lines: a file under /proc says it is empty, and Files.readString then reads only its first byte.
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
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
