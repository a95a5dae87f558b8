package io.rebound.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's chromium package, which {@code ./rebound test} installs), used to look at an email's
 * HTML the way a mail client's browser engine would draw it.
 */
final class Chromium {

    private Chromium() {
    }

    /** Draws the page at {@code html} into {@code png}, {@code width} pixels wide and {@code height} tall. */
    static void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("rebound-chromium");
        Path log = png.resolveSibling(png.getFileName() + ".log");
        Process process = new ProcessBuilder(List.of(executable(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                html.toAbsolutePath().toUri().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish the screenshot of " + html + " within 60 s; see " + log);
        }
        if (process.exitValue() != 0 || !Files.exists(png)) {
            throw new AssertionError("chromium exited with " + process.exitValue() + " and no screenshot: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static String executable() {
        String configured = System.getenv("REBOUND_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new AssertionError("the email rendering test needs headless Chromium: run ./rebound test, which installs"
                + " Debian's chromium package, or set REBOUND_CHROMIUM to a Chromium binary");
    }
}
