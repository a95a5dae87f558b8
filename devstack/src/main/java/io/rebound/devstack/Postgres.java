package io.rebound.devstack;

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
    private final AutoCloseable server;

    private Postgres(int port, AutoCloseable server) {
        this.port = port;
        this.server = server;
    }

    /** Starts on a fresh, empty data directory. */
    public static Postgres start(int port, Path dataDir) throws Exception {
        int chosen = Ports.orFree(port);
        Files2.wipe(dataDir);
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setPort(chosen)
                    .setDataDirectory(dataDir.resolve("data"))
                    .setOverrideWorkingDirectory(dataDir.resolve("binaries").toFile())
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            return new Postgres(embedded.getPort(), embedded);
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

    @Override
    public void close() throws Exception {
        server.close();
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
    private record MachinePostgres(Path bin, Path dataDir) implements AutoCloseable {

        static MachinePostgres start(Path bin, int port, Path dir) throws Exception {
            Files.createDirectories(dir);
            Path data = dir.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "-R", "postgres", dir.toString()));
            }
            run(asPostgres(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                    "--auth=trust", "-E", "UTF8", "--no-sync")));
            run(asPostgres(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir + " -c fsync=off",
                    "start")));
            return new MachinePostgres(bin, data);
        }

        @Override
        public void close() throws Exception {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(asPostgres(root, List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop")));
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
