package io.rebound.system;

import io.rebound.infrastructure.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as its own process. Packaged, it runs
 * the prod profile: health and metrics answer on its management port, not on its API port.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Map<String, String> config;
    private final Path log;
    private Process process;

    ServiceProcess(String name, int port, Map<String, String> config, Path logDir) {
        this.name = name;
        this.port = port;
        this.managementPort = Ports.free();
        this.config = config;
        this.log = logDir.resolve(name + ".log");
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where /q/health and /q/metrics are. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Starts the process with extra settings on top of its configuration, and waits until it is ready. */
    ServiceProcess start(Map<String, String> overrides) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("rebound.root", ".."), name, "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        overrides.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady();
        return this;
    }

    ServiceProcess start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /** SIGKILL: no shutdown hook, no flush, nothing finished; what a crash or an OOM kill does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within 120 s; see " + log);
    }

    /**
     * SIGTERM, then watches it go: readiness should answer 503 during the shutdown delay, before the process
     * exits. Answers what was seen.
     */
    Stopped stopGracefully(Duration within) throws InterruptedException {
        Instant start = Instant.now();
        process.destroy();
        boolean sawNotReady = false;
        while (process.isAlive() && Duration.between(start, Instant.now()).compareTo(within) < 0) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                sawNotReady |= response.statusCode() == 503;
            } catch (IOException closed) {
                // No longer listening: the shutdown is past the delay.
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        if (process.isAlive()) {
            throw new IllegalStateException(name + " did not stop within " + within + " of SIGTERM; see " + log);
        }
        return new Stopped(process.exitValue(), Duration.between(start, Instant.now()), sawNotReady);
    }

    /** How a graceful stop went. */
    record Stopped(int exitCode, Duration took, boolean sawNotReady) {
    }

    /** SIGTERM, as Kubernetes or Ctrl-C would stop it. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            // The shutdown delay and timeout (5 s + up to 30 s) first.
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
