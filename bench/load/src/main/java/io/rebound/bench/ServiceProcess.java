package io.rebound.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One packaged Quarkus application ({@code target/quarkus-app/quarkus-run.jar}) run as its own process with the
 * prod profile, timed from launch to its first ready answer. As {@code ./rebound up} runs the services: on a JDK 25 or
 * later with an AOT cache when there is one ({@link #AOT_JAVA}), the cache trained by an untimed start and stop first.
 */
final class ServiceProcess implements AutoCloseable {

    /**
     * The JVM as it sizes itself in deploy/'s container (768 MiB limit, one CPU, MaxRAMPercentage=75): a 576 MiB
     * heap that starts at 12 MiB, and the serial collector ergonomics picks there. Left to itself on this machine the
     * JVM would take G1 and a heap starting at 1/64 of all memory, which no pod gets.
     */
    static final List<String> JVM = List.of("-XX:MaxRAM=768m", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC");

    /**
     * The JDK the applications run on, as {@code ./rebound up} picks it: {@code REBOUND_AOT_JAVA_HOME}, else the newest
     * JDK 25 or later under /usr/lib/jvm; null (none there, or {@code REBOUND_AOT_JAVA_HOME=none}): this driver's JDK,
     * without an AOT cache.
     */
    static final Path AOT_JAVA = aotJava();

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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvm = new ArrayList<>(JVM);
        if (AOT_JAVA != null) {
            java = AOT_JAVA.toString();
            Path cache = aotCache();
            if (!Files.exists(cache)) {
                train(java, cache);
            }
            jvm.add("-XX:AOTCache=" + cache);
        }
        long launched = System.nanoTime();
        process = launch(java, jvm, log, Map.of());
        readyMillis = TimeUnit.NANOSECONDS.toMillis(waitReady(process, launched, log) - launched);
        return readyMillis;
    }

    /**
     * The training run (not timed): started, stopped once ready, and the JDK writes the AOT cache as it exits. Older
     * caches of this application go; without a cache at the end the timed run goes without one.
     */
    private void train(String java, Path cache) throws IOException, InterruptedException {
        Path dir = cache.getParent();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.collect(Collectors.toList())) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir);
        Path trainingLog = log.resolveSibling(name + ".training.log");
        System.out.println("bench: training the AOT cache of " + name + " (once per build)");
        List<String> jvm = new ArrayList<>(JVM);
        jvm.add("-XX:AOTCacheOutput=" + cache);
        Process training = launch(java, jvm, trainingLog, Map.of("REBOUND_SHUTDOWN_DELAY", "0s"));
        try {
            waitReady(training, System.nanoTime(), trainingLog);
        } finally {
            training.destroy();
            if (!training.waitFor(5, TimeUnit.MINUTES)) {
                training.destroyForcibly();
            }
        }
        if (!Files.exists(cache)) {
            System.out.println("bench: no AOT cache for " + name + " (see " + trainingLog + "); it starts without one");
        }
    }

    private Process launch(String java, List<String> jvm, Path logFile, Map<String, String> moreEnv) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvm);
        command.addAll(List.of("-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        builder.environment().putAll(moreEnv);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        if (readyPath != null) {
            managementPort = SystemRun.Ports.free();
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        }
        Process started = builder.start();
        // bench/run stops whatever is listed here if this driver dies before it can stop them itself.
        Files.writeString(pidFile, started.pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return started;
    }

    /** Waits until the process answers ready; answers System.nanoTime() then. */
    private long waitReady(Process started, long launched, Path logFile) throws InterruptedException {
        long deadline = launched + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IllegalStateException(name + " exited with " + started.exitValue() + "; see " + logFile);
            }
            if (ready()) {
                return System.nanoTime();
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException(name + " was not ready within 180 s; see " + logFile);
    }

    /**
     * {@code target/aot/<key>.aot} beside the application's {@code quarkus-app}: the key hashes the JDK's release
     * file, the JVM flags and every packaged file (name, size, time), so a rebuild or another JDK never reads an old
     * cache.
     */
    private Path aotCache() throws IOException {
        Path app = jar.getParent();
        try (Stream<Path> files = Files.walk(app)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(AOT_JAVA.getParent().getParent().resolve("release")));
            digest.update(String.join(" ", JVM).getBytes());
            for (Path file : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                FileTime time = Files.getLastModifiedTime(file);
                digest.update((app.relativize(file) + " " + Files.size(file) + " " + time.toMillis() + "\n").getBytes());
            }
            return app.resolveSibling("aot").resolve(HexFormat.of().formatHex(digest.digest()).substring(0, 16) + ".aot");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path aotJava() {
        String configured = System.getenv("REBOUND_AOT_JAVA_HOME");
        if ("none".equals(configured)) {
            return null;
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, "bin", "java");
        }
        Path newest = null;
        try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path home : homes.sorted().collect(Collectors.toList())) {
                Path release = home.resolve("release");
                if (Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(release)) {
                    Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
                    if (version.find() && Integer.parseInt(version.group(1)) >= 25) {
                        newest = home.resolve("bin/java");
                    }
                }
            }
        } catch (IOException | UncheckedIOException none) {
            return null;
        }
        return newest;
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
