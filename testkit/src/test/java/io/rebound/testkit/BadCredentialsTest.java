package io.rebound.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.rebound.infrastructure.TokenIssuer;
import io.rebound.infrastructure.Tokens;
import io.rebound.testkit.BadCredentials.Endpoint;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BadCredentialsTest {

    private TokenIssuer issuer;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        issuer = TokenIssuer.start(0);
        System.setProperty(Tokens.TOKEN_URL_PROPERTY, issuer.baseUrl() + "/token");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/open", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/guarded", exchange -> {
            byte[] body = "{\"status\":401}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        issuer.close();
        System.clearProperty(Tokens.TOKEN_URL_PROPERTY);
    }

    @Test
    void anEndpointThatLetsAnyoneInIsListedOncePerKindOfBadCredential() throws Exception {
        List<String> wrong = BadCredentials.notRefused(base(), List.of(Endpoint.get("/open"),
                Endpoint.write("PUT", "/guarded", "{}")));
        assertThat(wrong).hasSize(6).allMatch(line -> line.contains("GET /open answered 200"));
    }

    @Test
    void anEndpointThatRefusesWithABearerProblemIsNotListed() throws Exception {
        assertThat(BadCredentials.notRefused(base(), List.of(Endpoint.get("/guarded")))).isEmpty();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
}
