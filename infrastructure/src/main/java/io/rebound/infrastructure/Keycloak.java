package io.rebound.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak, the identity provider, for local runs and tests: the {@code keycloak-quarkus-dist} distribution from
 * Maven Central run with {@code kc.sh start-dev} on a JDK 21 or newer, with the {@code rebound} realm
 * ({@code keycloak/rebound-realm.json}) imported at each start and all its data wiped first.
 *
 * <p>{@link #token(String, String)} gets a real access token for any subject and role: it creates the user on first
 * use (admin REST {@code partialImport} with the subject as the user's id, so {@code sub} is the subject) and signs
 * them in with the password grant on the public client {@code rebound-cli}. The same tokens are served at
 * {@code GET /token?sub=SUBJECT&groups=ROLE} on a loopback port of this JVM ({@link #tokenUrl()}), so
 * {@link Tokens} works against Keycloak from any class loader or process.
 */
public final class Keycloak implements AutoCloseable {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "rebound";
    /** The master realm's administrator in devstack (the admin console); dev only. */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** The public client that takes passwords (direct access grants): demo, tests, {@code ./rebound token}. */
    public static final String CLI_CLIENT = "rebound-cli";
    /** The web app's confidential client and its secret in the dev realm. */
    public static final String WEB_CLIENT = "rebound-web";
    public static final String WEB_CLIENT_SECRET = "rebound-web-dev-secret";
    /** The password of the demo users ({@code sam}, {@code ortiz}, {@code clinic}) in the dev realm. */
    public static final String DEMO_PASSWORD = "rebound-demo";
    static final String REALM_RESOURCE = "keycloak/rebound-realm.json";

    private static final List<String> ROLES = List.of("runner", "pt", "admin");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    /** A cached token is handed out while it has at least this long to live. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);

    private final String baseUrl;
    private final Process process;
    private final HttpServer tokenServer;
    private final Thread shutdownHook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String userPassword = HexFormat.of().formatHex(randomBytes(12));
    private final Map<String, DemoUser> demoUsers;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    /** Subjects whose user this instance made or adjusted, with their groups. */
    private final Map<String, List<String>> users = new ConcurrentHashMap<>();
    private Token adminToken;

    private record Token(String value, Instant expiresAt) {
        boolean fresh() {
            return Instant.now().plus(TOKEN_MARGIN).isBefore(expiresAt);
        }
    }

    private record DemoUser(String username, String group) {
    }

    private Keycloak(String baseUrl, Process process, HttpServer tokenServer) {
        this.baseUrl = baseUrl;
        this.process = process;
        this.demoUsers = demoUsers();
        this.tokenServer = tokenServer;
        this.shutdownHook = process == null ? null : new Thread(this::stopProcess, "keycloak-shutdown");
        if (tokenServer != null) {
            tokenServer.createContext("/token", this::serveToken);
            tokenServer.start();
        }
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * Starts Keycloak on the given loopback port (0 = a free one) and returns once the realm answers. The
     * distribution is unpacked under {@code workDir} on first use and kept (its first start also builds it, about
     * half a minute). Every start begins from the same fresh database: the one Keycloak made on its first start here,
     * with the master realm, the administrator and the {@code rebound} realm just imported, kept as a snapshot (per
     * realm file and version) so later starts skip creating the schema and importing, which is most of their time.
     */
    public static Keycloak start(Path workDir, int port) throws IOException, InterruptedException {
        Path java = javaHome();
        Path dir = workDir.toAbsolutePath();
        Path home = distribution(dir);
        int httpPort = Ports.orFree(port);
        String baseUrl = localBaseUrl(httpPort);
        Path log = dir.resolve("keycloak.log");
        byte[] realm;
        try (InputStream in = resource(REALM_RESOURCE)) {
            realm = in.readAllBytes();
        }
        Path snapshot = dir.resolve("keycloak-" + VERSION + "-fresh-db-" + hash(new String(realm, StandardCharsets.UTF_8)
                + VERSION + ADMIN_USER + ADMIN_PASSWORD).substring(0, 12));
        if (!Files.isDirectory(snapshot)) {
            // First start here: import into an empty database, stop cleanly, keep the database as it is then.
            prepareData(home, realm, null);
            Process first = launch(java, home, httpPort, baseUrl, log, false);
            try {
                awaitReady(first, baseUrl, log, HttpClient.newHttpClient());
            } catch (IOException | InterruptedException | RuntimeException e) {
                stop(first);
                throw e;
            }
            if (stop(first)) {
                Path partial = Files.createTempDirectory(dir, "fresh-db-");
                copyTree(home.resolve("data/h2"), partial);
                try {
                    Files.move(partial, snapshot, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // Another JVM kept its snapshot first: the same database.
                    deleteTree(partial);
                }
            }
        }
        prepareData(home, realm, Files.isDirectory(snapshot) ? snapshot : null);
        Process process = launch(java, home, httpPort, baseUrl, log, true);
        HttpServer tokenServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Keycloak keycloak = new Keycloak(baseUrl, process, tokenServer);
        try {
            awaitReady(process, baseUrl, log, keycloak.http);
        } catch (IOException | InterruptedException | RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    /** Wipes the distribution's data, puts the realm to import there and the fresh database, if there is one. */
    private static void prepareData(Path home, byte[] realm, Path database) throws IOException {
        Path data = home.resolve("data");
        Files2.wipe(data);
        Files.write(Files.createDirectories(data.resolve("import")).resolve("rebound-realm.json"), realm);
        if (database != null) {
            copyTree(database, Files.createDirectories(data.resolve("h2")));
        }
    }

    private static Process launch(Path java, Path home, int httpPort, String baseUrl, Path log, boolean append)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                // The issuer stays http://localhost:PORT/realms/rebound whichever address a client used.
                "--hostname=" + baseUrl,
                "--log-level=warn,org.keycloak.services:info,io.quarkus:info")
                .redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", java.toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // Starts faster on a small machine; a dev server never runs long enough to miss the C2 compiler.
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        env.remove("JAVA_OPTS");
        return builder.start();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * A Keycloak already running with the {@code rebound} realm and the devstack administrator (as {@code ./rebound
     * up} starts it), for tokens only; {@link #close()} leaves it running.
     */
    public static Keycloak connect(String baseUrl) {
        return new Keycloak(baseUrl.replaceAll("/+$", ""), null, null);
    }

    /** {@code http://localhost:PORT}: the admin console, and the root of every Keycloak URL. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The {@code iss} of the realm's tokens. */
    public String issuer() {
        return issuerOf(baseUrl);
    }

    /** The realm's signing keys. */
    public String jwksUrl() {
        return jwksUrlOf(baseUrl);
    }

    /** The base URL of a Keycloak started here on this port (its hostname is pinned to it). */
    public static String localBaseUrl(int port) {
        return "http://localhost:" + port;
    }

    /** The realm's issuer at a Keycloak with this base URL. */
    public static String issuerOf(String baseUrl) {
        return baseUrl + "/realms/" + REALM;
    }

    /** The realm's JWKS at a Keycloak with this base URL. */
    public static String jwksUrlOf(String baseUrl) {
        return issuerOf(baseUrl) + "/protocol/openid-connect/certs";
    }

    /** Keycloak's own token endpoint (password grant, authorization code). */
    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** Where {@link Tokens} gets this Keycloak's tokens: {@code GET ?sub=SUBJECT&groups=ROLE}. */
    public String tokenUrl() {
        if (tokenServer == null) {
            throw new IllegalStateException("a Keycloak this JVM only connected to serves no token URL");
        }
        return "http://" + tokenServer.getAddress().getAddress().getHostAddress() + ":" + tokenServer.getAddress().getPort()
                + "/token";
    }

    /** What a service needs to trust this Keycloak's tokens (the same keys as {@link TokenIssuer#quarkusConfig()}). */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.issuer", issuer());
        config.put("mp.jwt.verify.publickey.location", jwksUrl());
        if (tokenServer != null) {
            config.put(Tokens.TOKEN_URL_PROPERTY, tokenUrl());
        }
        return config;
    }

    /**
     * A real access token whose {@code sub} is {@code subject} and whose {@code groups} claim is {@code role} (one of
     * runner, pt, admin, or several comma-separated). The user is created on first use; tokens are reused until a
     * minute before they expire. A demo user of the realm ({@code demo-runner}, {@code pt-demo},
     * {@code clinic-admin}) signs in with their own password and keeps their group.
     */
    public String token(String subject, String role) {
        List<String> groups = groups(role);
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        String key = subject + "|" + String.join(",", groups);
        Token cached = tokens.get(key);
        if (cached != null && cached.fresh()) {
            return cached.value();
        }
        synchronized (this) {
            cached = tokens.get(key);
            if (cached != null && cached.fresh()) {
                return cached.value();
            }
            DemoUser demo = demoUsers.get(subject);
            Token token;
            if (demo != null) {
                if (!groups.equals(List.of(demo.group()))) {
                    throw new IllegalArgumentException("demo user " + subject + " (" + demo.username() + ") is in group "
                            + demo.group() + ", not " + groups);
                }
                token = passwordGrant(demo.username(), DEMO_PASSWORD);
            } else {
                ensureUser(subject, groups);
                token = passwordGrant(username(subject), userPassword);
            }
            tokens.put(key, token);
            return token.value();
        }
    }

    /** An access token for a user of the realm, by the password grant on {@code rebound-cli}. */
    public String signIn(String username, String password) {
        return passwordGrant(username, password).value();
    }

    private Token passwordGrant(String username, String password) {
        return tokenFrom(tokenEndpoint(), Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username,
                "password", password, "scope", "openid"), "user " + username);
    }

    private void ensureUser(String subject, List<String> groups) {
        if (groups.equals(users.get(subject))) {
            return;
        }
        String username = username(subject);
        ObjectNode user = JSON.createObjectNode();
        user.put("id", subject);
        user.put("username", username);
        user.put("enabled", true);
        String role = groups.get(0);
        user.put("firstName", role.equals("pt") ? "PT" : Character.toUpperCase(role.charAt(0)) + role.substring(1));
        user.put("lastName", subject);
        user.put("email", email(subject, username));
        user.put("emailVerified", true);
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password");
        credential.put("value", userPassword);
        credential.put("temporary", false);
        ArrayNode groupPaths = user.putArray("groups");
        groups.forEach(g -> groupPaths.add("/" + g));
        ObjectNode body = JSON.createObjectNode();
        body.put("ifResourceExists", "SKIP");
        body.putArray("users").add(user);
        JsonNode result = admin("POST", "/partialImport", body);
        if (result.path("skipped").asInt() > 0) {
            // Made by an earlier run or another client: give it this instance's password and exactly these groups.
            ObjectNode reset = JSON.createObjectNode();
            reset.put("type", "password");
            reset.put("value", userPassword);
            reset.put("temporary", false);
            String path = "/users/" + encode(subject);
            admin("PUT", path + "/reset-password", reset);
            Map<String, String> groupIds = groupIds();
            for (JsonNode group : admin("GET", path + "/groups", null)) {
                if (!groups.contains(group.path("name").asText())) {
                    admin("DELETE", path + "/groups/" + group.path("id").asText(), null);
                }
            }
            for (String group : groups) {
                admin("PUT", path + "/groups/" + groupIds.get(group), null);
            }
        }
        users.put(subject, groups);
    }

    private Map<String, String> groupIds() {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode group : admin("GET", "/groups", null)) {
            ids.put(group.path("name").asText(), group.path("id").asText());
        }
        return ids;
    }

    /** Keycloak keeps user names in lower case and unique: a subject that is not one already gets a suffix. */
    static String username(String subject) {
        String lower = subject.toLowerCase(Locale.ROOT);
        if (lower.equals(subject) && subject.matches("[a-z0-9][a-z0-9._@-]{2,}")) {
            return subject;
        }
        return lower.replaceAll("[^a-z0-9._@-]", "-") + "-" + hash(subject).substring(0, 8);
    }

    private static String email(String subject, String username) {
        return username.matches("[a-z0-9][a-z0-9_-]*") ? username + "@devstack.rebound.test"
                : "u-" + hash(subject).substring(0, 16) + "@devstack.rebound.test";
    }

    private static List<String> groups(String role) {
        List<String> groups = role == null ? List.of()
                : Arrays.stream(role.split(",")).map(String::trim).filter(g -> !g.isEmpty()).distinct().sorted().toList();
        if (groups.isEmpty() || !ROLES.containsAll(groups)) {
            throw new IllegalArgumentException("role must be one or more of " + ROLES + ", comma-separated (got '" + role + "')");
        }
        return groups;
    }

    private synchronized String adminToken() {
        if (adminToken == null || !adminToken.fresh()) {
            // The master realm's tokens live a minute: fresh() wants a minute left, so always ask anew then.
            adminToken = tokenFrom(baseUrl + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                    "client_id", "admin-cli", "username", ADMIN_USER, "password", ADMIN_PASSWORD), "the administrator");
        }
        return adminToken.value();
    }

    private JsonNode admin(String method, String path, JsonNode body) {
        String url = baseUrl + "/admin/realms/" + REALM + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak's admin API answered " + method + " " + url + " with "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's admin API answered " + method + " " + url + " with no JSON: "
                    + response.body(), e);
        }
    }

    private Token tokenFrom(String endpoint, Map<String, String> form, String who) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .reduce((a, b) -> a + "&" + b).orElse("");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak at " + endpoint + " refused a token for " + who + ": "
                    + response.statusCode() + " " + response.body());
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            return new Token(json.path("access_token").asText(),
                    Instant.now().plusSeconds(json.path("expires_in").asLong(60)));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + endpoint + " answered no JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no Keycloak at " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + request.uri(), e);
        }
    }

    private void serveToken(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        int status;
        String body;
        List<String> unsupported = query.keySet().stream().filter(k -> !k.equals("sub") && !k.equals("groups")).toList();
        if (!unsupported.isEmpty()) {
            status = 400;
            body = "Keycloak's tokens are real: " + unsupported + " cannot be chosen (use devstack's TokenIssuer for"
                    + " expired or foreign tokens)\n";
        } else {
            try {
                status = 200;
                body = token(query.get("sub"), query.get("groups"));
            } catch (IllegalArgumentException e) {
                status = 400;
                body = "usage: /token?sub=SUBJECT&groups=ROLE: " + e.getMessage() + "\n";
            } catch (RuntimeException e) {
                status = 502;
                body = e.getMessage() + "\n";
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void awaitReady(Process process, String baseUrl, Path log, HttpClient http)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        URI probe = URI.create(issuerOf(baseUrl) + "/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " while starting; last lines of "
                        + log + ":\n" + tail(log));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Keycloak not ready after " + READY_TIMEOUT.toSeconds() + " s; see " + log + ":\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(cannot read it: " + e.getMessage() + ")";
        }
    }

    /** Stops Keycloak: SIGTERM (kc.sh passes it on to the server), then a kill after 20 s. */
    @Override
    public void close() {
        if (tokenServer != null) {
            tokenServer.stop(0);
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook stops it.
            }
            stopProcess();
        }
    }

    private void stopProcess() {
        stop(process);
    }

    /** SIGTERM (kc.sh passes it on), then a kill after 20 s; true if it stopped by itself, its data consistent. */
    private static boolean stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean clean;
        try {
            clean = process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clean = false;
        }
        if (!clean) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                clean = false;
                child.destroyForcibly();
            }
        }
        return clean;
    }

    // --- the distribution and the JDK that runs it

    /** The unpacked distribution under {@code workDir}, unpacking it first if needed. */
    static Path distribution(Path workDir) throws IOException {
        Path home = workDir.resolve("keycloak-" + VERSION);
        if (Files.isRegularFile(home.resolve(".unpacked"))) {
            return home;
        }
        Path zip = distributionZip();
        Files.createDirectories(workDir);
        Path partial = Files.createTempDirectory(workDir, "unpacking-");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                // Entries are keycloak-VERSION/...: drop that first segment.
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = partial.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("unsafe entry in " + zip + ": " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        Files.writeString(partial.resolve(".unpacked"), zip + "\n");
        if (Files.exists(home)) {
            deleteTree(home);
        }
        Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        return home;
    }

    /**
     * The distribution's zip: {@code REBOUND_KEYCLOAK_DIST} (or system property {@code rebound.keycloak.dist}) if set,
     * else where the build put it in the local Maven repository (devstack depends on it, so building devstack fetches it).
     */
    static Path distributionZip() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("rebound.keycloak.dist", System.getenv("REBOUND_KEYCLOAK_DIST"));
        if (configured != null && !configured.isBlank()) {
            Path zip = Path.of(configured);
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException("REBOUND_KEYCLOAK_DIST (rebound.keycloak.dist) names " + zip
                        + ", which is not a file; it should be keycloak-quarkus-dist-" + VERSION + ".zip");
            }
            return zip;
        }
        String relative = "org/keycloak/keycloak-quarkus-dist/" + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".zip";
        try (InputStream in = Keycloak.class.getClassLoader().getResourceAsStream("keycloak/distribution.properties")) {
            if (in != null) {
                Properties built = new Properties();
                built.load(in);
                String repo = built.getProperty("local-repository", "");
                if (!repo.isBlank() && !repo.contains("${")) {
                    candidates.add(Path.of(repo, relative));
                }
            }
        }
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            candidates.add(Path.of(repo, relative));
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository", relative));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new IllegalStateException(
                "no Keycloak distribution: looked for " + candidates + "; build the infrastructure module (./mvnw -pl infrastructure -am package"
                        + " -DskipTests), which fetches org.keycloak:keycloak-quarkus-dist:" + VERSION
                        + ":zip, or set REBOUND_KEYCLOAK_DIST to that zip"));
    }

    /**
     * A JDK 21 or newer: {@code REBOUND_KEYCLOAK_JAVA_HOME}, else the newest under {@code /usr/lib/jvm}, else the
     * running one.
     */
    static Path javaHome() {
        String configured = System.getProperty("rebound.keycloak.java-home", System.getenv("REBOUND_KEYCLOAK_JAVA_HOME"));
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            int version = javaVersion(home).orElse(0);
            if (version < 21) {
                throw new IllegalStateException("REBOUND_KEYCLOAK_JAVA_HOME is " + home + " (Java "
                        + (version == 0 ? "unknown" : version) + "); Keycloak " + VERSION + " needs Java 21 or newer");
            }
            return home;
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                Optional<Path> newest = homes.filter(h -> javaVersion(h).orElse(0) >= 21)
                        .max(Comparator.comparingInt((Path h) -> javaVersion(h).orElse(0)).thenComparing(Path::toString));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                // Fall through to the running JVM.
            }
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        throw new IllegalStateException("Keycloak " + VERSION + " needs Java 21 or newer, and none was found: this JVM is "
                + Runtime.version().feature() + " and /usr/lib/jvm has none; install one (e.g. Debian's openjdk-21-jdk-headless"
                + " or Temurin 21/25) or set REBOUND_KEYCLOAK_JAVA_HOME to its home");
    }

    /** The feature version a JDK's {@code release} file names, if it is one with {@code bin/java}. */
    static Optional<Integer> javaVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        try {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(release)) {
                properties.load(in);
            }
            String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
            String feature = version.startsWith("1.") ? version.substring(2) : version;
            return Optional.of(Integer.parseInt(feature.split("[^0-9]")[0]));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    // --- the realm

    /** The demo users of the realm file, by id. */
    private static Map<String, DemoUser> demoUsers() {
        Map<String, DemoUser> users = new HashMap<>();
        for (JsonNode user : realm().path("users")) {
            String group = user.path("groups").path(0).asText().replaceFirst("^/", "");
            users.put(user.path("id").asText(), new DemoUser(user.path("username").asText(), group));
        }
        return users;
    }

    /** The dev realm as devstack imports it. */
    public static JsonNode realm() {
        try (InputStream in = resource(REALM_RESOURCE)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + REALM_RESOURCE, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Keycloak.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
