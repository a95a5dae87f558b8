package io.rebound.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs Kafka, PostgreSQL, SMTP and a token issuer ({@link TokenIssuer}) for local use on fixed ports (see {@link Ports.Plan#localDefaults()}), with
 * all data wiped on start, until SIGTERM or Ctrl-C.
 *
 * <p>Options: {@code --work-dir DIR} (default {@code target/devstack}), {@code --endpoints-file FILE} to write
 * the endpoints as properties once everything is up (the launcher waits for it).
 */
public final class DevstackMain {

    private DevstackMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, "--work-dir", "--endpoints-file");
        Path workDir = Path.of(options.getOrDefault("--work-dir", "target/devstack")).toAbsolutePath();
        System.setProperty("java.io.tmpdir", Files.createDirectories(workDir.resolve("tmp")).toString());

        Ports.Plan ports = Ports.Plan.localDefaults();
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(ports, workDir);
        TokenIssuer issuer;
        try {
            issuer = TokenIssuer.start(ports.issuer());
        } catch (IOException e) {
            infrastructure.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("devstack: stopping");
            issuer.close();
            infrastructure.close();
            stopped.countDown();
        }, "devstack-shutdown"));

        Endpoints endpoints = infrastructure.endpoints();
        String text = describe(endpoints, issuer);
        System.out.println("devstack: up\n" + text);
        if (options.containsKey("--endpoints-file")) {
            write(Path.of(options.get("--endpoints-file")), text);
        }
        stopped.await();
    }

    private static String describe(Endpoints endpoints, TokenIssuer issuer) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("kafka.bootstrap.servers", endpoints.kafkaBootstrapServers());
        values.put("postgres.host", endpoints.postgresHost());
        values.put("postgres.port", Integer.toString(endpoints.postgresPort()));
        values.put("postgres.user", endpoints.postgresUser());
        values.put("postgres.password", endpoints.postgresPassword());
        values.put("smtp.host", endpoints.smtpHost());
        values.put("smtp.port", Integer.toString(endpoints.smtpPort()));
        values.put("mailbox.url", endpoints.mailboxUrl());
        values.put("jwt.issuer", TokenIssuer.ISSUER);
        values.put("jwks.url", issuer.jwksUrl());
        values.put("token.url", issuer.baseUrl() + "/token");
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
