package io.rebound.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A token issuer for local runs and tests only, never part of a service: a fresh RSA key pair per start, its public
 * key served as a JWKS, and RS256 tokens signed for any demo user. Loopback only.
 *
 * <p>HTTP: {@code GET /jwks.json} (what services verify against, {@code mp.jwt.verify.publickey.location}) and
 * {@code GET /token?sub=r-1&groups=runner} (a signed token as plain text; {@code groups} is comma-separated, one or
 * more of {@code runner}, {@code pt}, {@code admin}). For tests of what services refuse, {@code expiresIn} (seconds,
 * negative for an expired token), {@code issuer} and {@code audience} (the {@code aud}; {@link #AUDIENCE} unless
 * asked for, none for {@code audience=}) override the defaults.
 */
public final class TokenIssuer implements AutoCloseable {

    /** The {@code iss} of every token; services expect it through {@code mp.jwt.verify.issuer}. */
    public static final String ISSUER = "rebound-devstack";

    /**
     * The {@code aud} of every token unless another is asked for: the audience the services require in production
     * (their default of {@code REBOUND_JWT_AUDIENCE}), as the realm's tokens carry it (keycloak/rebound-realm.json).
     */
    public static final String AUDIENCE = "rebound-api";

    static final Set<String> ROLES = Set.of("runner", "pt", "admin");
    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();
    private final HttpServer http;

    private TokenIssuer(KeyPair keys, HttpServer http) {
        this.keys = keys;
        this.http = http;
    }

    /** Starts on the given loopback port, or a free one when it is 0. */
    public static TokenIssuer start(int port) throws IOException {
        KeyPair keys;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Ports.orFree(port)), 0);
        TokenIssuer issuer = new TokenIssuer(keys, http);
        http.createContext("/jwks.json", issuer::jwks);
        http.createContext("/token", issuer::token);
        http.start();
        return issuer;
    }

    public String baseUrl() {
        return "http://" + http.getAddress().getAddress().getHostAddress() + ":" + http.getAddress().getPort();
    }

    public String jwksUrl() {
        return baseUrl() + "/jwks.json";
    }

    /** What a service needs to verify this issuer's tokens. */
    public Map<String, String> quarkusConfig() {
        return Map.of("mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.publickey.location", jwksUrl(),
                "rebound.devstack.token-url", baseUrl() + "/token");
    }

    /** A signed token for {@code subject} in the given roles, valid for 12 hours. */
    public String sign(String subject, List<String> groups) {
        return sign(subject, groups, ISSUER, Instant.now().plus(LIFETIME));
    }

    /** A signed token with any issuer and expiry, for tests of what services must refuse. */
    public String sign(String subject, List<String> groups, String issuer, Instant expiresAt) {
        return sign(subject, groups, issuer, expiresAt, AUDIENCE);
    }

    /** A signed token with any issuer, expiry and audience ({@code aud}; none when null). */
    public String sign(String subject, List<String> groups, String issuer, Instant expiresAt, String audience) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", keyId);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", groups);
        if (audience != null) {
            claims.put("aud", audience);
        }
        claims.put("iat", Math.min(Instant.now().getEpochSecond(), expiresAt.getEpochSecond() - 60));
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        try {
            String signingInput = B64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + B64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rs256.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", keyId);
        jwk.put("n", B64.encodeToString(unsigned(key.getModulus())));
        jwk.put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
        answer(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("keys", List.of(jwk))));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String subject = query.get("sub");
        List<String> groups = Arrays.stream(query.getOrDefault("groups", "").split(",")).map(String::trim)
                .filter(g -> !g.isEmpty()).toList();
        if (subject == null || subject.isBlank() || groups.isEmpty() || !ROLES.containsAll(groups)) {
            answer(exchange, 400, "text/plain", "usage: /token?sub=SUBJECT&groups=ROLE[,ROLE] with ROLE one of " + ROLES
                    + " (got sub=" + subject + ", groups=" + groups + ")\n");
            return;
        }
        Instant expiresAt;
        try {
            expiresAt = query.containsKey("expiresIn")
                    ? Instant.now().plusSeconds(Long.parseLong(query.get("expiresIn"))) : Instant.now().plus(LIFETIME);
        } catch (NumberFormatException e) {
            answer(exchange, 400, "text/plain", "expiresIn must be a number of seconds (got " + query.get("expiresIn") + ")\n");
            return;
        }
        answer(exchange, 200, "text/plain",
                sign(subject, groups, query.getOrDefault("issuer", ISSUER), expiresAt, audience(query)));
    }

    /** The audience asked for; {@link #AUDIENCE} when none is; no audience at all for an empty one. */
    private static String audience(Map<String, String> query) {
        String asked = query.getOrDefault("audience", AUDIENCE);
        return asked.isEmpty() ? null : asked;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A JWK's big integers are unsigned big-endian, without the sign byte Java adds. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
