package io.rebound.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One packaged Quarkus application ({@code target/quarkus-app/quarkus-run.jar}) run as its own process with the
 * prod profile, timed from launch to its first ready answer.
 */
final class ServiceProcess implements AutoCloseable {

    /**
     * The JVM as it sizes itself in deploy/'s container (768 MiB limit, one CPU, MaxRAMPercentage=75): a 576 MiB
     * heap that starts at 12 MiB, and the serial collector ergonomics picks there. Left to itself on this machine the
     * JVM would take G1 and a heap starting at 1/64 of all memory, which no pod gets.
     */
    static final List<String> JVM = List.of("-XX:MaxRAM=768m", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    final String name;
    final int port;
    private int managementPort = -1;
    private final Path jar;
    private final Map<String, String> env;
    private final Path log;
    private final Path pidFile;
    private final String readyPath;
    private Process process;
    private long readyMillis = -1;

    /**
     * @param readyPath the path that answers 200 on the process's own management port (health is there in the prod
     *     profile) once the application is ready; null when any HTTP answer on its port will do
     */
    ServiceProcess(String name, Path jar, int port, Map<String, String> env, Path workDir, String readyPath) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = env;
        this.log = workDir.resolve(name + ".log");
        this.pidFile = workDir.resolve("pids");
        this.readyPath = readyPath;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Launches the process and waits until it is ready; answers the milliseconds from launch to ready. */
    long start() throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -Pbench install -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.addAll(List.of("-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        if (readyPath != null) {
            managementPort = SystemRun.Ports.free();
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        }
        long launched = System.nanoTime();
        process = builder.start();
        // bench/run stops whatever is listed here if this driver dies before it can stop them itself.
        Files.writeString(pidFile, process.pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        long deadline = launched + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (ready()) {
                readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
                return readyMillis;
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException(name + " was not ready within 180 s; see " + log);
    }

    private boolean ready() {
        try {
            String url = readyPath == null ? baseUrl() + "/" : "http://127.0.0.1:" + managementPort + readyPath;
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return readyPath == null || status == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Path jar() {
        return jar;
    }

    long pid() {
        return process.pid();
    }

    long readyMillis() {
        return readyMillis;
    }

    /** What Quarkus itself logged as its first start time in this log ("started in 2.345s"), in seconds; -1 if none. */
    static double quarkusStartedInSeconds(Path log) {
        try {
            Matcher matcher = STARTED_IN.matcher(Files.readString(log));
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    long rssKb() {
        return process != null && process.isAlive() ? Machine.rssKb(process.pid()) : -1;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, and waits for a clean stop (SIGKILL after 30 s). */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
