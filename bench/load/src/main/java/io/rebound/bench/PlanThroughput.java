package io.rebound.bench;

import io.rebound.events.ActivityRecorded;
import io.rebound.events.Sport;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * plan-service alone: how many activities one instance evaluates a second. Starts devstack (own ports, data under
 * the work folder) and one plan-service (prod profile, from its packaged jar or {@code --jar}), gives every runner a
 * plan, then, round after round, produces one ActivityRecorded per runner straight to {@code activities} (6
 * partitions, as the scale-out part of {@code bench/run}) as fast as Kafka takes them, and times the first send to the
 * last alert on {@code alerts} (one alert per runner). The first round warms the JIT up and is reported apart.
 */
final class PlanThroughput {

    private static final String ACTIVITIES = "activities";

    private PlanThroughput() {
    }

    static Map<String, Object> run(Map<String, String> options) throws Exception {
        Path root = Path.of(options.getOrDefault("--root", ".")).toAbsolutePath().normalize();
        Path work = Path.of(options.getOrDefault("--work", root.resolve("bench/target/plan-throughput").toString())).toAbsolutePath();
        Path jar = Path.of(options.getOrDefault("--jar", root.resolve("plan-service/target/quarkus-app/quarkus-run.jar").toString()));
        int perRound = Integer.parseInt(options.getOrDefault("--runners", "2000"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "3"));
        Files.createDirectories(work);
        Files.deleteIfExists(work.resolve("pids"));
        Process devstack = startDevstack(root, work);
        Map<String, Object> json = new LinkedHashMap<>();
        try {
            Properties endpoints = new Properties();
            try (Reader reader = Files.newBufferedReader(work.resolve("endpoints"))) {
                endpoints.load(reader);
            }
            try (Kafka kafka = new Kafka(endpoints.getProperty("kafka.bootstrap.servers"))) {
                kafka.ensurePartitions(ACTIVITIES, 6);
                ServiceProcess plan = startPlanService(jar, work, endpoints, kafka.bootstrap);
                PgStats pg = new PgStats(endpoints.getProperty("postgres.host") + ":" + endpoints.getProperty("postgres.port"),
                        endpoints.getProperty("postgres.user"), endpoints.getProperty("postgres.password"));
                Watch watch = new Watch();
                watch.add("plan-service", () -> List.of(plan.pid()));
                watch.add("devstack (Kafka, PostgreSQL)", () -> List.of(devstack.pid()));
                try (Setup setup = new Setup(); KafkaProducer<String, String> producer = kafka.producer()) {
                    List<List<String>> batches = new ArrayList<>();
                    List<String> all = new ArrayList<>();
                    for (int round = 0; round <= rounds; round++) {
                        List<String> runners = new ArrayList<>();
                        for (int i = 0; i < perRound; i++) {
                            runners.add(String.format("pt%d-%05d", round, i));
                        }
                        batches.add(runners);
                        all.addAll(runners);
                    }
                    long setupStarted = System.nanoTime();
                    setup.plans(plan.baseUrl(), all);
                    System.out.printf("plan-throughput: %d plans in %.0f s%n", all.size(), (System.nanoTime() - setupStarted) / 1e9);
                    json.put("jar", jar.toString());
                    json.put("activitiesPerRound", perRound);
                    List<Map<String, Object>> measured = new ArrayList<>();
                    try (AlertWatcher alerts = new AlertWatcher(kafka.bootstrap)) {
                        for (int round = 0; round <= rounds; round++) {
                            Map<String, Object> result = round(batches.get(round), producer, alerts, kafka, watch, pg);
                            System.out.printf("plan-throughput: %s %s%n", round == 0 ? "warm-up" : "round " + round, result);
                            if (round == 0) {
                                json.put("warmUp", result);
                            } else {
                                measured.add(result);
                            }
                        }
                    }
                    json.put("rounds", measured);
                    List<Double> rates = measured.stream().map(m -> ((Number) m.get("alertsPerSecond")).doubleValue()).sorted().toList();
                    json.put("medianAlertsPerSecond", rates.isEmpty() ? null : rates.get(rates.size() / 2));
                } finally {
                    plan.close();
                }
            }
        } finally {
            devstack.destroy();
            devstack.waitFor(30, TimeUnit.SECONDS);
        }
        System.out.println("plan-throughput: median " + json.get("medianAlertsPerSecond") + " alerts/s");
        return json;
    }

    private static Map<String, Object> round(List<String> runners, KafkaProducer<String, String> producer, AlertWatcher alerts,
            Kafka kafka, Watch watch, PgStats pg) throws Exception {
        kafka.awaitLag("plan-service", ACTIVITIES, 120_000);
        Thread.sleep(1_000);
        Map<String, Long> pgBefore = pg.snapshot("plan");
        Watch.Snapshot before = watch.snapshot();
        double load = Machine.loadAverage()[0];
        // A run in the Rest phase (the plan's race was two days ago): one NO_RUNNING overload each.
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        long firstSent = System.currentTimeMillis();
        for (String runner : runners) {
            producer.send(Kafka.recorded(runner, Sport.RUN, start, 1800, 5000, 5));
        }
        producer.flush();
        long producedMs = System.currentTimeMillis() - firstSent;
        int missing = alerts.await(runners, 300_000, 60_000);
        Watch.Snapshot after = watch.snapshot();
        long lastRecord = 0;
        for (String runner : runners) {
            for (AlertWatcher.Alert alert : alerts.of(runner)) {
                lastRecord = Math.max(lastRecord, alert.recordTimestamp());
            }
        }
        double seconds = Math.max(1, lastRecord - firstSent) / 1000.0;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("activities", runners.size());
        json.put("missing", missing);
        json.put("producedInMs", producedMs);
        json.put("secondsFirstSendToLastAlert", Math.round(seconds * 100) / 100.0);
        json.put("alertsPerSecond", Math.round((runners.size() - missing) / seconds * 10) / 10.0);
        Map<String, Double> cores = Watch.cores(before, after);
        json.put("coresUsed", cores);
        // CPU time per activity moves much less than throughput when neighbours take the cores.
        double wall = (after.nanos() - before.nanos()) / 1e9;
        Map<String, Double> cpuMs = new LinkedHashMap<>();
        cores.forEach((name, used) -> cpuMs.put(name, Math.round(used * wall * 1000 / runners.size() * 100) / 100.0));
        json.put("cpuMsPerActivity", cpuMs);
        json.put("loadAverage1m", load);
        Thread.sleep(1_000);
        json.put("planDatabasePerActivity", PgStats.perRequest(pgBefore, pg.snapshot("plan"), runners.size()));
        return json;
    }

    private static Process startDevstack(Path root, Path work) throws Exception {
        Path endpoints = work.resolve("endpoints");
        Files.deleteIfExists(endpoints);
        Path data = work.resolve("devstack");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar",
                root.resolve("devstack/target/devstack-0.1.0-SNAPSHOT.jar").toString(), "--work-dir", data.toString(),
                "--endpoints-file", endpoints.toString(), "--identity", "devstack");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("devstack.log").toFile()));
        for (String port : List.of("KAFKA", "POSTGRES", "SMTP", "MAILBOX", "ISSUER")) {
            builder.environment().put("REBOUND_" + port + "_PORT", "0");
        }
        Process process = builder.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(endpoints)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                process.destroy();
                throw new IllegalStateException("devstack did not start; see " + work.resolve("devstack.log"));
            }
            Thread.sleep(500);
        }
        return process;
    }

    private static ServiceProcess startPlanService(Path jar, Path work, Properties endpoints, String bootstrap) throws Exception {
        String pg = endpoints.getProperty("postgres.host") + ":" + endpoints.getProperty("postgres.port");
        Map<String, String> env = new HashMap<>();
        env.put("REBOUND_KAFKA_BOOTSTRAP", bootstrap);
        env.put("REBOUND_DB_USER", endpoints.getProperty("postgres.user"));
        env.put("REBOUND_DB_PASSWORD", endpoints.getProperty("postgres.password"));
        env.put("REBOUND_DB_REACTIVE_URL", "postgresql://" + pg + "/plan");
        env.put("REBOUND_DB_JDBC_URL", "jdbc:postgresql://" + pg + "/plan");
        env.put("QUARKUS_PROFILE", "prod");
        env.put("REBOUND_JWKS_URL", endpoints.getProperty("jwks.url"));
        env.put("REBOUND_JWT_ISSUER", endpoints.getProperty("jwt.issuer"));
        env.put("REBOUND_HTTP_RATE_LIMIT_ENABLED", "false");
        System.setProperty("rebound.devstack.token-url", endpoints.getProperty("token.url"));
        ServiceProcess plan = new ServiceProcess("plan-service", jar, SystemRun.Ports.free(), env, work, "/q/health/ready");
        plan.start();
        return plan;
    }
}
