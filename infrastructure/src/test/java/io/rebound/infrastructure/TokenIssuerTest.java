package io.rebound.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void tokenFromTheEndpointVerifiesAgainstTheServedJwksAndCarriesSubjectAndGroups() throws Exception {
        try (TokenIssuer issuer = TokenIssuer.start(0)) {
            String token = get(issuer.baseUrl() + "/token?sub=r-1&groups=runner,admin");
            String[] parts = token.split("\\.");
            assertThat(parts).hasSize(3);

            JsonNode jwk = JSON.readTree(get(issuer.jwksUrl())).path("keys").get(0);
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            assertThat(header.path("kid").asText()).isEqualTo(jwk.path("kid").asText());
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText())),
                    new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()))));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            assertThat(claims.path("iss").asText()).isEqualTo(TokenIssuer.ISSUER);
            assertThat(claims.path("sub").asText()).isEqualTo("r-1");
            assertThat(claims.path("groups").toString()).isEqualTo("[\"runner\",\"admin\"]");
            assertThat(claims.path("exp").asLong()).isGreaterThan(claims.path("iat").asLong());
        }
    }

    @Test
    void tokensNameTheServicesAudienceUnlessAnotherOrNoneIsAskedFor() throws Exception {
        try (TokenIssuer issuer = TokenIssuer.start(0)) {
            String byDefault = get(issuer.baseUrl() + "/token?sub=r-1&groups=runner");
            String another = get(issuer.baseUrl() + "/token?sub=r-1&groups=runner&audience=another-api");
            String none = get(issuer.baseUrl() + "/token?sub=r-1&groups=runner&audience=");
            assertThat(claims(byDefault).path("aud").asText()).isEqualTo("rebound-api");
            assertThat(claims(another).path("aud").asText()).isEqualTo("another-api");
            assertThat(claims(none).has("aud")).isFalse();
        }
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Test
    void unknownRoleOrMissingSubjectIsRefused() throws Exception {
        try (TokenIssuer issuer = TokenIssuer.start(0)) {
            int unknownRole = HTTP.send(HttpRequest.newBuilder(URI.create(issuer.baseUrl() + "/token?sub=x&groups=root")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            int noSubject = HTTP.send(HttpRequest.newBuilder(URI.create(issuer.baseUrl() + "/token?groups=runner")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            assertThat(unknownRole).isEqualTo(400);
            assertThat(noSubject).isEqualTo(400);
        }
    }
}
