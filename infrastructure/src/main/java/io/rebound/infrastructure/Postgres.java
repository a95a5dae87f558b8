package io.rebound.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server on loopback: zonky's embedded binaries first, the machine's own PostgreSQL
 * (run as the {@code postgres} user, since initdb refuses root) where those cannot start.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final int port;
    private final Server server;
    private boolean running = true;

    private Postgres(int port, Server server) {
        this.port = port;
        this.server = server;
    }

    /** One way of running the server: it can be stopped and started again on its data directory. */
    private interface Server {

        void start() throws Exception;

        void stop() throws Exception;
    }

    /** Starts on a fresh, empty data directory. */
    public static Postgres start(int port, Path dataDir) throws Exception {
        int chosen = Ports.orFree(port);
        Files2.wipe(dataDir);
        try {
            Zonky embedded = new Zonky(chosen, dataDir);
            embedded.start();
            return new Postgres(chosen, embedded);
        } catch (Exception | LinkageError embeddedFailure) {
            Optional<Path> bin = machineBinaries();
            if (bin.isEmpty()) {
                throw new IllegalStateException("embedded PostgreSQL did not start and no PostgreSQL is installed"
                        + " under /usr/lib/postgresql (set REBOUND_PG_BIN to its bin directory)", embeddedFailure);
            }
            System.err.println("devstack: embedded PostgreSQL did not start (" + embeddedFailure.getMessage()
                    + "); using " + bin.get());
            return new Postgres(chosen, MachinePostgres.start(bin.get(), chosen, dataDir.resolve("machine")));
        }
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server (fast shutdown: open sessions are cut), as a crash of the database host looks to its
     * clients; the port refuses connections until {@link #start()}. Does nothing when already stopped.
     */
    public synchronized void stop() throws Exception {
        if (running) {
            server.stop();
            running = false;
        }
    }

    /** Starts the server again after {@link #stop()}, on the same port and data directory: nothing written is lost. */
    public synchronized void start() throws Exception {
        if (!running) {
            server.start();
            running = true;
        }
    }

    public synchronized boolean running() {
        return running;
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** zonky's embedded binaries; the data directory is wiped once, before the first start, and kept across restarts. */
    private static final class Zonky implements Server {

        private final int port;
        private final Path dataDir;
        private EmbeddedPostgres embedded;

        Zonky(int port, Path dataDir) {
            this.port = port;
            this.dataDir = dataDir;
        }

        @Override
        public void start() throws IOException {
            embedded = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("data"))
                    .setOverrideWorkingDirectory(dataDir.resolve("binaries").toFile())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
        }

        @Override
        public void stop() throws IOException {
            embedded.close();
        }
    }

    private static Optional<Path> machineBinaries() throws IOException {
        String configured = System.getenv("REBOUND_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        }
    }

    /** The machine's PostgreSQL binaries, run as the unprivileged postgres user when we are root. */
    private record MachinePostgres(Path bin, Path dir, int port) implements Server {

        static MachinePostgres start(Path bin, int port, Path dir) throws Exception {
            Files.createDirectories(dir);
            Path data = dir.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "-R", "postgres", dir.toString()));
            }
            run(asPostgres(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                    "--auth=trust", "-E", "UTF8", "--no-sync")));
            MachinePostgres postgres = new MachinePostgres(bin, dir, port);
            postgres.start();
            return postgres;
        }

        @Override
        public void start() throws Exception {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(asPostgres(root, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir + " -c fsync=off",
                    "start")));
        }

        @Override
        public void stop() throws Exception {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(asPostgres(root, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop")));
        }

        private static List<String> asPostgres(boolean root, List<String> command) {
            if (!root) {
                return command;
            }
            List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
            wrapped.addAll(command);
            return wrapped;
        }

        private static void run(List<String> command) throws Exception {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(System.getProperty("java.io.tmpdir"), "devstack-postgres.log")))
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("command failed: " + String.join(" ", command));
            }
        }
    }
}
