package io.rebound.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a browser test's pages share: the browsers it opened (closed together) and the look every page gets,
 * photographed at a phone's and a laptop's width under {@code target/screenshots}, checked with axe-core (no
 * serious or critical violation) and fitting the phone's width without scrolling sideways.
 */
public final class Pages implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Axe axe;
    private final List<Browser> browsers = new ArrayList<>();

    public Pages() throws Exception {
        this.axe = Axe.load();
    }

    /** A new browser, closed with the others. */
    public Browser browser() throws Exception {
        Browser browser = Browser.open(SCREENSHOTS);
        browsers.add(browser);
        return browser;
    }

    /** Photographs the page at both widths and checks it. */
    public void look(Browser browser, String name) throws Exception {
        browser.screenshots(name);
        assertThat(axe.serious(browser)).as("serious or critical accessibility violations on %s (%s)", name, browser.url())
                .isEmpty();
        assertThat(browser.widths().get("content")).as("%s fits a phone's width without scrolling sideways", name)
                .isLessThanOrEqualTo(browser.widths().get("window"));
    }

    @Override
    public void close() {
        browsers.forEach(Browser::close);
    }
}
