package io.rebound.devstack;

import io.rebound.infrastructure.EmbeddedInfrastructure;
import io.rebound.infrastructure.Endpoints;
import io.rebound.infrastructure.Keycloak;
import io.rebound.infrastructure.Ports;
import io.rebound.infrastructure.TokenIssuer;
import io.rebound.infrastructure.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs Kafka, PostgreSQL, SMTP and an identity provider for local use on fixed ports (see
 * {@link Ports.Plan#localDefaults()}), with all data wiped on start, until SIGTERM or Ctrl-C. The identity provider is
 * {@link Keycloak} (port 8180, started alongside the rest since it takes longest), or with {@code --identity devstack}
 * devstack's own {@link TokenIssuer} (port 8026), which starts at once and suits the bench.
 *
 * <p>Options: {@code --work-dir DIR} (default {@code target/devstack}), {@code --endpoints-file FILE} to write
 * the endpoints as properties once everything is up (the launcher waits for it), {@code --identity keycloak|devstack}.
 */
public final class DevstackMain {

    private DevstackMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, "--work-dir", "--endpoints-file", "--identity");
        Path workDir = Path.of(options.getOrDefault("--work-dir", "target/devstack")).toAbsolutePath();
        System.setProperty("java.io.tmpdir", Files.createDirectories(workDir.resolve("tmp")).toString());
        String identity = options.getOrDefault("--identity", "keycloak");
        if (!identity.equals("keycloak") && !identity.equals("devstack")) {
            throw new IllegalArgumentException("--identity must be keycloak or devstack (got '" + identity + "')");
        }

        Ports.Plan ports = Ports.Plan.localDefaults();
        long started = System.nanoTime();
        Path endpointsFile = options.containsKey("--endpoints-file") ? Path.of(options.get("--endpoints-file")) : null;
        if (identity.equals("devstack")) {
            EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(ports, workDir);
            TokenIssuer issuer;
            try {
                issuer = TokenIssuer.start(ports.issuer());
            } catch (IOException e) {
                infrastructure.close();
                throw e;
            }
            CountDownLatch stopped = stopOnShutdown(infrastructure, CompletableFuture.completedFuture(issuer));
            announce(endpointsFile, describe(infrastructure.endpoints(), TokenIssuer.ISSUER, issuer.jwksUrl(),
                    issuer.baseUrl() + "/token"), started);
            stopped.await();
            return;
        }

        // Keycloak takes longest (about 20 s, a minute on its first start), so it starts beside Kafka, PostgreSQL and
        // SMTP, and the endpoints file is written as soon as those are up (keycloak.ready=false): its URLs are known
        // from its port, and services fetch its keys only when the first token comes. Once it answers, the file is
        // written again with the token URL and keycloak.ready=true.
        int keycloakPort = Ports.orFree(ports.keycloak());
        String keycloakUrl = Keycloak.localBaseUrl(keycloakPort);
        CompletableFuture<Keycloak> keycloak = CompletableFuture.supplyAsync(
                () -> startKeycloak(workDir.resolve("keycloak"), keycloakPort, started),
                command -> new Thread(command, "keycloak-start").start());
        EmbeddedInfrastructure infrastructure;
        try {
            infrastructure = EmbeddedInfrastructure.start(ports, workDir);
            System.out.printf("devstack: Kafka, PostgreSQL and SMTP ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        } catch (Exception | Error e) {
            keycloak.thenAccept(Keycloak::close);
            throw e;
        }
        CountDownLatch stopped = stopOnShutdown(infrastructure, keycloak);
        String infra = describe(infrastructure.endpoints(), Keycloak.issuerOf(keycloakUrl), Keycloak.jwksUrlOf(keycloakUrl), "")
                + "keycloak.url=" + keycloakUrl + "\n";
        if (endpointsFile != null) {
            write(endpointsFile, infra + "keycloak.ready=false\n");
        }
        Keycloak kc;
        try {
            kc = keycloak.join();
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
        announce(endpointsFile, infra.replace("token.url=\n", "token.url=" + kc.tokenUrl() + "\n") + "keycloak.ready=true\n",
                started);
        stopped.await();
    }

    private static CountDownLatch stopOnShutdown(EmbeddedInfrastructure infrastructure,
            CompletableFuture<? extends AutoCloseable> identityProvider) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("devstack: stopping");
            // Keycloak still starting stops through its own shutdown hook.
            AutoCloseable provider = identityProvider.getNow(null);
            if (provider != null) {
                EmbeddedInfrastructure.quietly(provider);
            }
            infrastructure.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        return stopped;
    }

    private static void announce(Path endpointsFile, String text, long started) throws IOException {
        System.out.printf("devstack: up in %.1f s%n%s", (System.nanoTime() - started) / 1e9, text);
        if (endpointsFile != null) {
            write(endpointsFile, text);
        }
    }

    private static Keycloak startKeycloak(Path dir, int port, long started) {
        try {
            Keycloak keycloak = Keycloak.start(dir, port);
            System.out.printf("devstack: Keycloak ready in %.1f s at %s (log %s)%n", (System.nanoTime() - started) / 1e9,
                    keycloak.baseUrl(), dir.resolve("keycloak.log"));
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak could not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Keycloak", e);
        }
    }

    /** The endpoints file: the identity provider's issuer and keys, and a token URL ({@link Tokens}) for it. */
    private static String describe(Endpoints endpoints, String issuer, String jwksUrl, String tokenUrl) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("kafka.bootstrap.servers", endpoints.kafkaBootstrapServers());
        values.put("postgres.host", endpoints.postgresHost());
        values.put("postgres.port", Integer.toString(endpoints.postgresPort()));
        values.put("postgres.user", endpoints.postgresUser());
        values.put("postgres.password", endpoints.postgresPassword());
        values.put("smtp.host", endpoints.smtpHost());
        values.put("smtp.port", Integer.toString(endpoints.smtpPort()));
        values.put("mailbox.url", endpoints.mailboxUrl());
        values.put("jwt.issuer", issuer);
        values.put("jwks.url", jwksUrl);
        values.put("token.url", tokenUrl);
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")) + "\n";
    }

    private static void write(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Minimal {@code --name value} parsing with a clear error for anything unexpected. */
    static final class Options {

        static Map<String, String> parse(String[] args, String... known) {
            Map<String, String> options = new java.util.HashMap<>();
            java.util.Set<String> allowed = java.util.Set.of(known);
            for (int i = 0; i < args.length; i++) {
                if (!allowed.contains(args[i]) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("usage: devstack " + String.join(" VALUE ", known)
                            + " VALUE (got '" + args[i] + "')");
                }
                options.put(args[i], args[++i]);
            }
            return options;
        }
    }
}
