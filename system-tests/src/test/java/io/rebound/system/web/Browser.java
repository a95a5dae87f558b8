package io.rebound.system.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromium-driver (both installed by {@code ./rebound test}; set
 * {@code REBOUND_CHROMIUM} and {@code REBOUND_CHROMEDRIVER} to use others). Nothing is downloaded: the driver and
 * the browser are given by path, so Selenium Manager has nothing to look for.
 *
 * <p>Each instance is one person at one browser, with a profile of its own (cookies included), so two instances
 * are two people.
 */
public final class Browser implements AutoCloseable {

    /** A phone's width (an iPhone 12-15) and a laptop's, for the screenshots. */
    public static final int PHONE_WIDTH = 390;
    public static final int DESKTOP_WIDTH = 1280;

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** A new browser, its screenshots written under {@code screenshots}. */
    public static Browser open(Path screenshots) throws IOException {
        Path profile = Files.createTempDirectory("rebound-browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(tool("REBOUND_CHROMIUM", List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")));
        // The flags that keep Chromium from reaching out to the internet (which a closed network refuses, loudly).
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--disable-extensions", "--lang=en-US",
                "--user-data-dir=" + profile, "--window-size=" + DESKTOP_WIDTH + ",900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(tool("REBOUND_CHROMEDRIVER",
                        List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"))).toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return new Browser(driver, Files.createDirectories(screenshots));
    }

    private static String tool(String variable, List<String> candidates) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("none of " + candidates + " is here: ./rebound test installs Debian's chromium"
                + " and chromium-driver, or set " + variable);
    }

    public Browser go(String url) {
        driver.get(url);
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    /** The element, once it is on the page. */
    public WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Waits until the page's address satisfies the test, e.g. after a redirect chain. */
    public void awaitUrl(java.util.function.Predicate<String> test) {
        new WebDriverWait(driver, WAIT).until(d -> test.test(d.getCurrentUrl()));
    }

    /**
     * Signs in on the identity provider's own login form (Keycloak's), the way a person types it, and waits until
     * the browser has been sent back to the web app.
     */
    public void signIn(String username, String password, String appBaseUrl) {
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        find("#kc-login").click();
        awaitUrl(url -> url.startsWith(appBaseUrl));
    }

    /** Fills a form field by name inside the form, replacing what it held. */
    public void fill(String formCss, String name, String value) {
        WebElement field = find(formCss + " [name='" + name + "']");
        field.clear();
        field.sendKeys(value);
    }

    /** Submits the form with its submit button, and waits for the next page. */
    public void submit(String formCss) {
        WebElement form = find(formCss);
        WebElement button = form.findElement(By.cssSelector("button[type='submit'], input[type='submit'], button:not([type])"));
        button.click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(form));
    }

    /**
     * The whole page, at a phone's width and at a laptop's, as {@code <name>-390.png} and {@code <name>-1280.png}:
     * the window is made as tall as the page, so nothing below the fold is missed.
     */
    public List<Path> screenshots(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        List<Path> written = new java.util.ArrayList<>();
        try {
            for (int width : List.of(PHONE_WIDTH, DESKTOP_WIDTH)) {
                driver.manage().window().setSize(new Dimension(width, 900));
                long height = ((Number) ((JavascriptExecutor) driver)
                        .executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
                driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 6000)));
                Path file = screenshots.resolve(name + "-" + width + ".png");
                Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
                written.add(file);
            }
        } finally {
            driver.manage().window().setSize(before);
        }
        return written;
    }

    /** How wide the page's content is against the window: more than the window means sideways scrolling. */
    public Map<String, Long> widths() {
        @SuppressWarnings("unchecked")
        Map<String, Long> widths = (Map<String, Long>) ((JavascriptExecutor) driver).executeScript(
                "return {content: document.documentElement.scrollWidth, window: window.innerWidth}");
        return widths;
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
