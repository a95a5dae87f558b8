package io.rebound.system.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * axe-core, Deque's accessibility engine (the npm package, which {@code ./rebound test} installs under
 * {@code target/test-tools}; {@code REBOUND_AXE_JS} names another copy), run inside the page the browser shows.
 */
public final class Axe {

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    public static Axe load() throws IOException {
        String configured = System.getenv("REBOUND_AXE_JS");
        Path file = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("rebound.root", ".."), "target", "test-tools", "node_modules", "axe-core", "axe.min.js");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: ./rebound test installs the npm package axe-core there,"
                    + " or set REBOUND_AXE_JS to an axe.min.js");
        }
        return new Axe(Files.readString(file));
    }

    /** A violation axe found: its rule, how bad, what it says, and the elements it names. */
    public record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + id + ": " + help + " at " + targets;
        }
    }

    /** Every violation of the WCAG 2.x A and AA rules (and axe's best practices) on the page as it is now. */
    @SuppressWarnings("unchecked")
    public List<Violation> run(Browser browser) {
        // Injected as a script's text: the page's Content-Security-Policy governs the page's own scripts, not the
        // driver's, so the strict policy stays as users get it.
        browser.script(source);
        Object result = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.map(n => n.target.join(' '))})))))
                  .catch(e => done('error: ' + e));
                """);
        String json = String.valueOf(result);
        if (json.startsWith("error: ")) {
            throw new IllegalStateException("axe-core failed in the page: " + json);
        }
        try {
            List<Map<String, Object>> raw = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, List.class);
            return raw.stream().map(v -> new Violation((String) v.get("id"), (String) v.get("impact"),
                    (String) v.get("help"), (List<String>) v.get("targets"))).toList();
        } catch (IOException e) {
            throw new IllegalStateException("axe-core's answer was not JSON: " + json, e);
        }
    }

    /** The serious and critical ones, which the acceptance allows none of. */
    public List<Violation> serious(Browser browser) {
        return run(browser).stream().filter(v -> "serious".equals(v.impact()) || "critical".equals(v.impact())).toList();
    }
}
