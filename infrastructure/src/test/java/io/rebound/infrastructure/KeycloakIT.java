package io.rebound.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One real Keycloak for the class: the realm's demo users, tokens for new subjects, its keys and its clients. */
class KeycloakIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Keycloak keycloak;

    @BeforeAll
    static void start() throws Exception {
        long started = System.nanoTime();
        keycloak = Keycloak.start(Path.of(System.getProperty("rebound.keycloak.dir", "target/keycloak-it")).toAbsolutePath(), 0);
        System.out.printf("keycloak: ready in %.1f s at %s%n", (System.nanoTime() - started) / 1e9, keycloak.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void demoUsersSignInWithTheirPasswordAndCarryTheirIdAsSubjectAndTheirGroup() throws Exception {
        JsonNode sam = claims(keycloak.signIn("sam", Keycloak.DEMO_PASSWORD));
        assertThat(sam.path("sub").asText()).isEqualTo("demo-runner");
        assertThat(sam.path("groups").toString()).isEqualTo("[\"runner\"]");
        assertThat(sam.path("preferred_username").asText()).isEqualTo("sam");
        assertThat(sam.path("name").asText()).isEqualTo("Sam Demo");
        assertThat(sam.path("email").asText()).isEqualTo("demo-runner@runners.example.org");

        JsonNode ortiz = claims(keycloak.token("pt-demo", "pt"));
        assertThat(ortiz.path("sub").asText()).isEqualTo("pt-demo");
        assertThat(ortiz.path("groups").toString()).isEqualTo("[\"pt\"]");
        assertThat(ortiz.path("name").asText()).isEqualTo("Dr. Ortiz");
        assertThat(ortiz.path("email").asText()).isEqualTo("ortiz@clinic.example.org");

        JsonNode clinic = claims(keycloak.token("clinic-admin", "admin"));
        assertThat(clinic.path("sub").asText()).isEqualTo("clinic-admin");
        assertThat(clinic.path("groups").toString()).isEqualTo("[\"admin\"]");
        assertThat(clinic.path("preferred_username").asText()).isEqualTo("clinic");
        assertThat(clinic.path("name").asText()).isEqualTo("Clinic Desk");
    }

    @Test
    void aNewSubjectGetsAUserWhoseSubIsThatSubjectAndTheTokenIsReused() throws Exception {
        String runner = "r-" + UUID.randomUUID().toString().substring(0, 8);
        String token = keycloak.token(runner, "runner");
        JsonNode claims = claims(token);
        assertThat(claims.path("sub").asText()).isEqualTo(runner);
        assertThat(claims.path("groups").toString()).isEqualTo("[\"runner\"]");
        assertThat(keycloak.token(runner, "runner")).isEqualTo(token);

        // Ids as plan-service makes them for PTs, and ones Keycloak would not take as user names.
        for (String subject : new String[] {"pt-" + "0123456789abcdef0123", "Clinic:Ortiz@Example", "x"}) {
            JsonNode pt = claims(keycloak.token(subject, "pt"));
            assertThat(pt.path("sub").asText()).isEqualTo(subject);
            assertThat(pt.path("groups").toString()).isEqualTo("[\"pt\"]");
        }
    }

    @Test
    void aSubjectAskedForInAnotherRoleMovesToThatGroup() throws Exception {
        String subject = "switch-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(claims(keycloak.token(subject, "runner")).path("groups").toString()).isEqualTo("[\"runner\"]");
        assertThat(claims(keycloak.token(subject, "admin")).path("groups").toString()).isEqualTo("[\"admin\"]");
        assertThat(claims(keycloak.token(subject, "pt,admin")).path("groups").toString()).isEqualTo("[\"admin\",\"pt\"]");
    }

    @Test
    void aUserMadeByAnotherClientOfTheSameKeycloakGetsTokensToo() throws Exception {
        String subject = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        Keycloak other = Keycloak.connect(keycloak.baseUrl());
        assertThat(claims(other.token(subject, "runner")).path("sub").asText()).isEqualTo(subject);
        assertThat(claims(keycloak.token(subject, "runner")).path("sub").asText()).isEqualTo(subject);
    }

    @Test
    void tokensVerifyAgainstTheRealmsJwksAndNameTheIssuerServicesAreConfiguredWith() throws Exception {
        String token = keycloak.token("r-jwks", "runner");
        String[] parts = token.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        HttpResponse<String> jwks = get(keycloak.quarkusConfig().get("mp.jwt.verify.publickey.location"));
        assertThat(jwks.statusCode()).isEqualTo(200);
        JsonNode key = null;
        for (JsonNode candidate : JSON.readTree(jwks.body()).path("keys")) {
            if (candidate.path("kid").asText().equals(header.path("kid").asText())) {
                key = candidate;
            }
        }
        assertThat(key).as("the token's kid %s in %s", header.path("kid"), jwks.body()).isNotNull();
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()))));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        assertThat(claims(token).path("iss").asText())
                .isEqualTo(keycloak.quarkusConfig().get("mp.jwt.verify.issuer"))
                .isEqualTo(keycloak.issuer())
                .isEqualTo(keycloak.baseUrl() + "/realms/rebound");
    }

    @Test
    void theTokenUrlServesKeycloakTokensToTokensFromAnyClassLoader() throws Exception {
        String url = keycloak.quarkusConfig().get(Tokens.TOKEN_URL_PROPERTY);
        HttpResponse<String> answer = get(url + "?sub=r-url&groups=runner");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(claims(answer.body()).path("sub").asText()).isEqualTo("r-url");
        assertThat(claims(answer.body()).path("iss").asText()).isEqualTo(keycloak.issuer());

        assertThat(get(url + "?sub=r-url&groups=root").statusCode()).isEqualTo(400);
        assertThat(get(url + "?sub=r-url&groups=runner&expiresIn=-60").statusCode()).isEqualTo(400);
    }

    @Test
    void accessTokensOfBothClientsNameTheAudienceTheServicesRequireInProduction() throws Exception {
        assertThat(audiences(keycloak.signIn("sam", Keycloak.DEMO_PASSWORD))).as("rebound-cli, password grant")
                .contains(TokenIssuer.AUDIENCE);
        assertThat(audiences(keycloak.token("r-audience", "runner"))).as("rebound-cli, a subject made on demand")
                .contains(TokenIssuer.AUDIENCE);
        assertThat(audiences(webAppSignIn("sam", Keycloak.DEMO_PASSWORD))).as("rebound-web, authorization code")
                .contains(TokenIssuer.AUDIENCE);
    }

    @Test
    void theWebClientTakesLocalRedirectsWithPkceAndRefusesOthers() throws Exception {
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        HttpResponse<String> local = get(authorize("http://localhost:8080/q/oidc/callback", challenge));
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body()).contains("kc-form-login");
        assertThat(get(authorize("http://127.0.0.1:41234/inbox", challenge)).statusCode()).isEqualTo(200);

        assertThat(get(authorize("https://elsewhere.example.org/", challenge)).statusCode()).isEqualTo(400);
        // PKCE is required: without a code challenge the browser goes straight back with an error, no login page.
        HttpResponse<String> withoutPkce = get(authorize("http://localhost:8080/", null));
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://localhost:8080/").contains("error=invalid_request").contains("code_challenge"));
    }

    @Test
    void theCliClientTakesNoBrowserSignIn() throws Exception {
        String url = keycloak.issuer() + "/protocol/openid-connect/auth?response_type=code&client_id=rebound-cli&redirect_uri="
                + URLEncoder.encode("http://localhost:8080/", StandardCharsets.UTF_8);
        assertThat(get(url).statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> keycloak.signIn("sam", "wrong-password")).hasMessageContaining("Invalid user credentials");
    }

    /** What a token's {@code aud} names: one string or a list of them. */
    private static List<String> audiences(String token) throws Exception {
        JsonNode aud = claims(token).path("aud");
        List<String> names = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(name -> names.add(name.asText()));
        } else if (aud.isTextual()) {
            names.add(aud.asText());
        }
        return names;
    }

    /** Signs in at the login page as the web app sends people there, and takes the code to the token endpoint. */
    private static String webAppSignIn(String username, String password) throws Exception {
        String redirect = "http://localhost:8080/q/oidc/callback";
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(authorize(redirect, challenge))).build(),
                HttpResponse.BodyHandlers.ofString());
        // The login session's cookies go back as a browser would send them (Java's cookie store keeps Secure ones to https).
        String cookies = login.headers().allValues("Set-Cookie").stream().map(cookie -> cookie.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(login.body());
        assertThat(action.find()).as("the login form in %s", login.body()).isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password)))).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect after signing in: " + signedIn.statusCode() + " " + signedIn.body()));
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as("a code in %s", location).isTrue();
        HttpResponse<String> tokens = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirect,
                        "client_id", Keycloak.WEB_CLIENT, "client_secret", Keycloak.WEB_CLIENT_SECRET,
                        "code_verifier", verifier)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body()).path("access_token").asText();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String authorize(String redirect, String challenge) {
        return keycloak.issuer() + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id="
                + Keycloak.WEB_CLIENT + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + (challenge == null ? "" : "&code_challenge_method=S256&code_challenge=" + challenge);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
