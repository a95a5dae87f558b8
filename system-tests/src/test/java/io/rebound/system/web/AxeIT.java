package io.rebound.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accessibility check the web tests rely on, shown to tell a page with serious faults from one without, in the
 * same headless Chromium, under the same kind of Content-Security-Policy the web app sends.
 */
class AxeIT {

    private static HttpServer server;
    private static Browser browser;
    private static Axe axe;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page("/faulty", """
                <!doctype html><html><head><title>Faulty</title></head><body>
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                <form><input type="text" name="note"></form>
                <a href="/x"></a></body></html>""");
        page("/sound", """
                <!doctype html><html lang="en"><head><title>Sound</title></head><body>
                <header><a href="/">Rebound</a></header>
                <main><h1>Sound</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot">
                <form><label for="note">Note</label><input id="note" type="text" name="note">
                <button type="submit">Save</button></form></main></body></html>""");
        server.start();
        browser = Browser.open(Path.of("target", "screenshots", "axe"));
        axe = Axe.load();
    }

    private static void page(String path, String html) {
        server.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'; script-src 'self'");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void findsTheSeriousFaultsOfAFaultyPage() {
        browser.go(url("/faulty"));
        assertThat(axe.serious(browser)).extracting(Axe.Violation::id)
                .contains("image-alt", "label", "link-name", "html-has-lang");
    }

    @Test
    void findsNothingSeriousOnASoundPage() {
        browser.go(url("/sound"));
        assertThat(axe.serious(browser)).isEmpty();
    }
}
