package io.rebound.activity.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real activity files nobody here wrote, and the independent tools that check what Rebound reads from them. None is
 * committed: {@code ./rebound test} installs them (see its ensure_test_tools), each path can be pointed elsewhere.
 * <ul>
 *   <li>the recordings: the test fixtures shipped in npm's {@code @sports-alliance/sports-lib} 4.0.4 (FIT files from
 *       Garmin, COROS and Suunto watches and bike computers, Garmin Connect and Strava GPX and TCX exports; the
 *       package is AGPL-3.0, the files its authors' and contributors' own activities), in
 *       {@code target/test-tools}, or {@code REBOUND_SAMPLE_FILES} naming its {@code integrationTests/fixtures};</li>
 *   <li>the oracle for FIT: Garmin's JavaScript FIT SDK (npm {@code @garmin/fitsdk}) run by node, or
 *       {@code REBOUND_FITSDK_JS} naming its {@code src/index.js}, {@code REBOUND_NODE} another node;</li>
 *   <li>GPX 1.0 as GPSBabel writes it: Debian's {@code gpsbabel}, or {@code REBOUND_GPSBABEL}.</li>
 * </ul>
 */
final class PublicSampleFiles {

    private static final Path TOOLS = Path.of(System.getProperty("rebound.root", ".."), "target", "test-tools", "node_modules");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PublicSampleFiles() {
    }

    /** A file of the sample set, by its path below the fixtures folder. */
    static Path sample(String relative) {
        Path file = fixtures().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing from the sample files of @sports-alliance/sports-lib 4.0.4");
        }
        return file;
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path fixtures() {
        Path folder = configured("REBOUND_SAMPLE_FILES",
                TOOLS.resolve("@sports-alliance/sports-lib/integrationTests/fixtures"));
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(folder + " is missing: ./rebound test installs the npm package"
                    + " @sports-alliance/sports-lib@4.0.4 into target/test-tools, or set REBOUND_SAMPLE_FILES to its"
                    + " integrationTests/fixtures folder");
        }
        return folder;
    }

    /** A FIT file as Garmin's JavaScript FIT SDK decodes it: its sessions, and its first and last record's times. */
    record OracleFile(String firstRecord, String lastRecord, List<OracleSession> sessions) {
    }

    /** One session's recorded totals, as Garmin's JavaScript FIT SDK names them. */
    record OracleSession(String sport, String subSport, String startTime, Double totalTimerTime, Double totalElapsedTime,
            Double totalDistance, Integer avgHeartRate) {
    }

    /** Decodes every file with Garmin's JavaScript FIT SDK in one node process. */
    static Map<Path, OracleFile> garminJs(List<Path> files) {
        Path sdk = configured("REBOUND_FITSDK_JS", TOOLS.resolve("@garmin/fitsdk/src/index.js"));
        if (!Files.isRegularFile(sdk)) {
            throw new IllegalStateException(sdk + " is missing: ./rebound test installs the npm package @garmin/fitsdk"
                    + " into target/test-tools, or set REBOUND_FITSDK_JS to its src/index.js");
        }
        try {
            Path script = Files.createTempFile("fit-sessions", ".mjs");
            try (InputStream in = PublicSampleFiles.class.getResourceAsStream("fit-sessions.mjs")) {
                Files.write(script, in.readAllBytes());
            }
            List<String> command = new ArrayList<>(List.of(tool("REBOUND_NODE", "node"), script.toString(), sdk.toString()));
            files.forEach(file -> command.add(file.toString()));
            JsonNode root = JSON.readTree(run(command, "node (with @garmin/fitsdk)"));
            Map<Path, OracleFile> decodedFiles = new java.util.LinkedHashMap<>();
            for (Path file : files) {
                JsonNode decoded = root.get(file.toString());
                if (!decoded.get("errors").isEmpty()) {
                    throw new IllegalStateException("Garmin's JavaScript FIT SDK could not decode " + file + ": " + decoded.get("errors"));
                }
                List<OracleSession> sessions = new ArrayList<>();
                for (JsonNode session : decoded.get("sessions")) {
                    sessions.add(JSON.treeToValue(session, OracleSession.class));
                }
                decodedFiles.put(file, new OracleFile(decoded.get("firstRecord").asText(null),
                        decoded.get("lastRecord").asText(null), sessions));
            }
            Files.deleteIfExists(script);
            return decodedFiles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The FIT file's track as GPSBabel writes it in GPX 1.0 (its default GPX version). */
    static byte[] gpx10ByGpsBabel(Path fit, Path directory) {
        Path gpx = directory.resolve(fit.getFileName() + ".gpx");
        run(List.of(tool("REBOUND_GPSBABEL", "gpsbabel"), "-i", "garmin_fit", "-f", fit.toString(), "-o", "gpx,gpxver=1.0",
                "-F", gpx.toString()), "gpsbabel");
        return bytes(gpx);
    }

    private static Path configured(String variable, Path fallback) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank() ? Path.of(value) : fallback;
    }

    private static String tool(String variable, String fallback) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank() ? value : fallback;
    }

    private static String run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within 120 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + ": " + command);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(what + " could not be started (" + e.getMessage() + "): ./rebound test installs it,"
                    + " or name it with the REBOUND_* variable in PublicSampleFiles", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
