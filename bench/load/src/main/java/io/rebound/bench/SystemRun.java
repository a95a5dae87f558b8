package io.rebound.bench;

import io.rebound.events.ActivityRecorded;
import io.rebound.events.Sport;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The measurements that need the running system: ingest against its two ceilings, end-to-end latency at three
 * loads, plan-service scale-out, and each service's footprint. devstack is already up (bench/run starts it); this
 * starts the services itself, so it can time them to ready, read their memory, and add or stop instances.
 */
final class SystemRun {

    static final double P99_LIMIT_MS = 100;
    private static final String ACTIVITIES = "activities";
    private static final int INGEST_USERS = 200;

    private final Path root;
    private final Path work;
    private final Properties endpoints = new Properties();
    private final Map<String, String> options;
    private final int concurrency;
    private final double stepSeconds;
    private final double e2eSeconds;
    private final int scaleOutRunners;
    /** The SMTP server notification-service sends to: devstack's, or the one --smtp host:port names. */
    private final String smtpHost;
    private final int smtpPort;
    /** "ingest": activity-service alone, measured at ingest only (a quick loop while changing it); else everything. */
    private final boolean ingestOnly;
    private final Watch watch = new Watch();
    private final Webhooks webhooks = Webhooks.withRandomSecret();
    private final AtomicLong deliveries = new AtomicLong();
    private final Instant runStartedAt = Instant.now();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> footprint = new LinkedHashMap<>();
    private final List<Map<String, Object>> phaseLoad = new ArrayList<>();
    private final List<List<String>> scaleOutBatches = new ArrayList<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final List<Map<String, Object>> relayPace = new ArrayList<>();
    private final AtomicLong acceptedByActivityService = new AtomicLong();
    private long publishedBase;
    private TopicTimes published;
    private PgStats pgStats;
    private Kafka kafka;
    private AlertWatcher alerts;

    SystemRun(Map<String, String> options) throws IOException {
        this.options = options;
        this.root = Path.of(options.getOrDefault("--root", ".")).toAbsolutePath().normalize();
        this.work = Path.of(options.getOrDefault("--work", "bench/target/run")).toAbsolutePath();
        try (Reader reader = Files.newBufferedReader(Path.of(options.get("--endpoints")))) {
            endpoints.load(reader);
        }
        this.concurrency = Integer.parseInt(options.getOrDefault("--concurrency", "20"));
        this.stepSeconds = Double.parseDouble(options.getOrDefault("--step-seconds", "8"));
        this.e2eSeconds = Double.parseDouble(options.getOrDefault("--e2e-seconds", "6"));
        this.scaleOutRunners = Integer.parseInt(options.getOrDefault("--scale-out-runners", "400"));
        String smtp = options.getOrDefault("--smtp", "");
        if (smtp.isBlank()) {
            this.smtpHost = endpoints.getProperty("smtp.host");
            this.smtpPort = Integer.parseInt(endpoints.getProperty("smtp.port"));
        } else {
            int colon = smtp.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("--smtp (BENCH_SMTP) is \"" + smtp + "\", expected host:port");
            }
            this.smtpHost = smtp.substring(0, colon);
            this.smtpPort = Integer.parseInt(smtp.substring(colon + 1));
        }
        this.ingestOnly = "ingest".equals(options.getOrDefault("--only", ""));
    }

    Map<String, Object> run() throws Exception {
        long started = System.nanoTime();
        results.put("settings", Map.of("concurrency", concurrency, "stepSeconds", stepSeconds, "e2eSecondsPerLevel", e2eSeconds,
                "scaleOutRunnersPerBatch", scaleOutRunners, "serviceJvm", String.join(" ", ServiceProcess.JVM), "profile", "prod"));
        note("start");
        kafka = new Kafka(endpoints.getProperty("kafka.bootstrap.servers"));
        // The scale-out measurement needs more partitions than devstack's three; grown before any consumer joins.
        kafka.ensurePartitions(ACTIVITIES, 6);
        results.put("postgres", postgresSettings());
        pgStats = new PgStats(endpoints.getProperty("postgres.host") + ":" + endpoints.getProperty("postgres.port"),
                endpoints.getProperty("postgres.user"), endpoints.getProperty("postgres.password"));
        watchInfrastructure();
        Map<String, Object> probe = new LinkedHashMap<>(SmtpProbe.measure(smtpHost, smtpPort, 10));
        probe.put("server", options.getOrDefault("--smtp", "").isBlank() ? "devstack's SMTP server (GreenMail)"
                : "The SMTP server at " + smtpHost + ":" + smtpPort + " (BENCH_SMTP)");
        results.put("smtpProbe", probe);
        System.out.println("bench: SMTP alone " + results.get("smtpProbe"));
        try {
            startServices();
            alerts = new AlertWatcher(kafka.bootstrap);
            watch.startSampling();
            results.put("ingest", ingest());
            note("after ingest");
            if (ingestOnly) {
                return results;
            }
            double max = ((Number) ((Map<?, ?>) ((Map<?, ?>) results.get("ingest")).get("activity-service")).get("maxPerSecond")).doubleValue();
            results.put("endToEnd", endToEnd(max));
            note("after end-to-end");
            results.put("scaleOut", scaleOut());
            note("after scale-out");
        } finally {
            watch.stopSampling();
            stopAll();
            if (alerts != null) {
                alerts.close();
            }
            kafka.close();
        }
        Map<String, Long> peaks = watch.peakRssKb();
        footprint.forEach((name, fp) -> fp.put("quarkusStartedInS", ServiceProcess.quarkusStartedInSeconds(work.resolve(name + ".log"))));
        footprint.forEach((name, fp) -> {
            Long peak = peaks.get(name);
            fp.put("rssUnderLoadPeakMb", peak == null ? null : peak / 1024);
        });
        results.put("footprint", footprint);
        note("end");
        results.put("loadAverage", phaseLoad);
        results.put("systemSeconds", Math.round((System.nanoTime() - started) / 1e9));
        return results;
    }

    // ---------------------------------------------------------------------------------------------- services

    private void startServices() throws Exception {
        String pg = endpoints.getProperty("postgres.host") + ":" + endpoints.getProperty("postgres.port");
        Map<String, String> common = new HashMap<>();
        common.put("REBOUND_KAFKA_BOOTSTRAP", kafka.bootstrap);
        common.put("REBOUND_DB_USER", endpoints.getProperty("postgres.user"));
        common.put("REBOUND_DB_PASSWORD", endpoints.getProperty("postgres.password"));
        common.put("QUARKUS_PROFILE", "prod");
        // The services trust devstack's token issuer; Setup calls their APIs with an admin token from it.
        common.put("REBOUND_JWKS_URL", endpoints.getProperty("jwks.url"));
        common.put("REBOUND_JWT_ISSUER", endpoints.getProperty("jwt.issuer"));
        System.setProperty("rebound.devstack.token-url", endpoints.getProperty("token.url"));
        // The load comes from one address at rates a client never should: measure capacity, not the rate limiter.
        common.put("REBOUND_HTTP_RATE_LIMIT_ENABLED", "false");
        byte[] unsubscribe = new byte[36];
        new SecureRandom().nextBytes(unsubscribe);
        int[] ports = {Ports.free(), Ports.free(), Ports.free(), Ports.free()};

        Map<String, String> activity = new HashMap<>(common);
        database(activity, pg, "activity");
        activity.put("REBOUND_GENERIC_WEBHOOK_SECRETS", webhooks.secret());
        Map<String, String> plan = new HashMap<>(common);
        database(plan, pg, "plan");
        Map<String, String> notification = new HashMap<>(common);
        database(notification, pg, "notification");
        notification.put("REBOUND_SMTP_HOST", smtpHost);
        notification.put("REBOUND_SMTP_PORT", Integer.toString(smtpPort));
        notification.put("REBOUND_UNSUBSCRIBE_SECRET", Base64.getEncoder().encodeToString(unsubscribe));
        notification.put("REBOUND_PUBLIC_BASE_URL", "http://localhost:" + ports[1]);
        notification.put("REBOUND_NOTIFICATION_PUBLIC_URL", "http://localhost:" + ports[2]);

        // One at a time, so each start is timed on an otherwise idle machine (as far as this run goes).
        start("activity-service", root.resolve("activity-service/target/quarkus-app/quarkus-run.jar"), ports[0], activity, "/q/health/ready");
        if (ingestOnly) {
            return;
        }
        start("plan-service", root.resolve("plan-service/target/quarkus-app/quarkus-run.jar"), ports[1], plan, "/q/health/ready");
        start("notification-service", root.resolve("notification-service/target/quarkus-app/quarkus-run.jar"), ports[2], notification, "/q/health/ready");
        start("http-ceiling", root.resolve("bench/http-ceiling/target/quarkus-app/quarkus-run.jar"), ports[3], common, null);
        // Idle memory: every service up, nothing asked of it for a few seconds.
        Thread.sleep(5_000);
        services.forEach((name, service) -> footprint.get(name).put("rssIdleMb", service.rssKb() / 1024));
        System.out.println("bench: services up " + summary(footprint));
    }

    private static void database(Map<String, String> env, String hostPort, String database) {
        env.put("REBOUND_DB_REACTIVE_URL", "postgresql://" + hostPort + "/" + database);
        env.put("REBOUND_DB_JDBC_URL", "jdbc:postgresql://" + hostPort + "/" + database);
    }

    private ServiceProcess start(String name, Path jar, int port, Map<String, String> env, String readyPath) throws Exception {
        // --extra-env "service:KEY=VALUE,..." sets more configuration on one service, for experiments.
        for (String item : options.getOrDefault("--extra-env", "").split(",")) {
            String[] parts = item.trim().split("[:=]", 3);
            if (parts.length == 3 && (name.equals(parts[0]) || name.startsWith(parts[0] + "-"))) {
                env = new HashMap<>(env);
                env.put(parts[1], parts[2]);
                results.computeIfAbsent("extraEnvironment", k -> new LinkedHashMap<String, String>());
                @SuppressWarnings("unchecked")
                Map<String, String> extra = (Map<String, String>) results.get("extraEnvironment");
                extra.put(name + ":" + parts[1], parts[2]);
            }
        }
        environments.put(name, env);
        ServiceProcess service = new ServiceProcess(name, jar, port, env, work, readyPath);
        long readyMs = service.start();
        services.put(name, service);
        watch.add(name, () -> service.alive() ? List.of(service.pid()) : List.of());
        Map<String, Object> fp = new LinkedHashMap<>();
        fp.put("readyMs", readyMs);

        fp.put("rssAtReadyMb", service.rssKb() / 1024);
        footprint.put(name, fp);
        System.out.printf("bench: %s ready in %d ms (port %d)%n", name, readyMs, port);
        return service;
    }

    private void watchInfrastructure() {
        String devstackPid = options.get("--devstack-pid");
        if (devstackPid != null) {
            long pid = Long.parseLong(devstackPid);
            watch.add("devstack (Kafka, SMTP)", () -> List.of(pid));
        }
        String postgresDir = work.resolve("devstack").resolve("postgres").toString();
        watch.add("postgres", () -> Machine.processTree(postgresDir));
    }

    private void stopAll() {
        List<String> names = new ArrayList<>(services.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            try {
                services.get(name).close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- ingest

    private Map<String, Object> ingest() throws Exception {
        Map<String, Object> ingest = new LinkedHashMap<>();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < INGEST_USERS; i++) {
            users.add(String.format("ing%03d", i));
        }
        try (Setup setup = new Setup()) {
            setup.links(services.get("activity-service").baseUrl(), users);
        }
        ingest.put("concurrency", concurrency);
        ingest.put("rule", "highest offered rate (open loop, constant rate) with p99 < 100 ms, every request accepted,"
                + " nothing left unanswered; doubling, then two bisections");

        if (ingestOnly) {
            ingest.put("activity-service-closed-loop", closedLoop(users));
            ingest.put("activity-service", activityServiceIngest(users));
            return ingest;
        }
        ServiceProcess ceiling = services.get("http-ceiling");
        try (HttpTarget http = new HttpTarget("127.0.0.1", ceiling.port, "/api/v1/webhooks/generic", concurrency)) {
            ingest.put("http-ceiling", search("http-ceiling", 3200, 5, seq -> http.post(ingestDelivery(seq, users)), () -> pause(1_000)));
        }
        String url = "jdbc:postgresql://" + endpoints.getProperty("postgres.host") + ":" + endpoints.getProperty("postgres.port") + "/bench";
        try (JdbcTarget jdbc = new JdbcTarget(url, endpoints.getProperty("postgres.user"), endpoints.getProperty("postgres.password"), concurrency)) {
            ingest.put("jdbc-ceiling", search("jdbc-ceiling", 1600, 5, seq -> jdbc.insert(ingestDelivery(seq, users)), () -> pause(1_000)));
        }
        // activity-service is measured with plan-service stopped: on two cores a consumer working through the
        // steps' events would take CPU from the service under test, and leave a backlog that spoils every later
        // measurement. Its events (runners without plans) are skipped afterwards, and plan-service started again.
        ServiceProcess plan = services.remove("plan-service");
        plan.close();
        watch.remove("plan-service");
        Map<String, Long> pgBefore = pgStats.snapshot("activity");
        ingest.put("activity-service", activityServiceIngest(users));
        Thread.sleep(1_000);
        Map<String, Long> pgAfter = pgStats.snapshot("activity");
        ingest.put("activityDatabasePerWebhook", PgStats.perRequest(pgBefore, pgAfter, acceptedByActivityService.get()));
        ingest.put("downstreamDuringActivityServiceSteps", "plan-service stopped; notification-service idle");
        ingest.put("outboxRelay", relayBacklog());
        long skipped = kafka.skipToEnd("plan-service", ACTIVITIES);
        System.out.printf("bench: plan-service skips the %d ingest events (runners without plans) and starts again%n", skipped);
        ServiceProcess restarted = new ServiceProcess("plan-service", plan.jar(), plan.port, environments.get("plan-service"),
                work, "/q/health/ready");
        footprint.get("plan-service").put("restartReadyMs", restarted.start());
        services.put("plan-service", restarted);
        watch.add("plan-service", () -> restarted.alive() ? List.of(restarted.pid()) : List.of());
        return ingest;
    }

    private Map<String, Object> activityServiceIngest(List<String> users) throws Exception {
        ServiceProcess activity = services.get("activity-service");
        publishedBase = kafka.endOffsets(ACTIVITIES);
        try (HttpTarget http = new HttpTarget("127.0.0.1", activity.port, "/api/v1/webhooks/generic", concurrency)) {
            return search("activity-service", 25, 20,
                    seq -> http.post(ingestDelivery(seq, users)).thenApply(ok -> {
                        if (ok) {
                            acceptedByActivityService.incrementAndGet();
                        }
                        return ok;
                    }), this::quiesceActivities);
        }
    }

    /**
     * activity-service as fast as it answers with {@code concurrency} requests in flight: webhooks a second, and
     * the CPU each process spent per webhook (which a busy neighbour moves less than latencies).
     */
    private Map<String, Object> closedLoop(List<String> users) throws Exception {
        ServiceProcess activity = services.get("activity-service");
        try (HttpTarget http = new HttpTarget("127.0.0.1", activity.port, "/api/v1/webhooks/generic", concurrency)) {
            OpenLoop.warmUp(20, 4, seq -> http.post(ingestDelivery(seq, users)));
            AtomicLong accepted = new AtomicLong();
            Map<String, Long> pgBefore = pgStats.snapshot("activity");
            Watch.Snapshot before = watch.snapshot();
            long sent = OpenLoop.warmUp(stepSeconds * 3, concurrency, seq -> http.post(ingestDelivery(seq, users))
                    .thenApply(ok -> {
                        if (ok) {
                            accepted.incrementAndGet();
                        }
                        return ok;
                    }));
            Watch.Snapshot after = watch.snapshot();
            // Give the relay a moment, so its commits and updates for these webhooks count too.
            Thread.sleep(2_000);
            Map<String, Long> pgAfter = pgStats.snapshot("activity");
            double seconds = (after.nanos() - before.nanos()) / 1e9;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("inFlight", concurrency);
            json.put("sent", sent);
            json.put("acceptedPerSecond", Math.round(accepted.get() / seconds));
            Map<String, Double> cores = Watch.cores(before, after);
            json.put("coresUsed", cores);
            Map<String, Double> cpuMs = new LinkedHashMap<>();
            cores.forEach((name, used) -> cpuMs.put(name, Watch.round2(used * seconds * 1000 / Math.max(1, accepted.get()))));
            json.put("cpuMsPerWebhook", cpuMs);
            Map<String, Double> database = PgStats.perRequest(pgBefore, pgAfter, accepted.get());
            json.put("activityDatabasePerWebhook", database);
            System.out.printf("bench: activity-service closed loop (%d in flight): %s/s accepted, CPU ms per webhook %s,"
                    + " database per webhook %s%n", concurrency, json.get("acceptedPerSecond"), cpuMs, database);
            return json;
        }
    }

    /** A new run of one of the ingest users (linked, no plan), never within two minutes of that user's others. */
    private Webhooks.Delivery ingestDelivery(long seq, List<String> users) {
        long n = deliveries.incrementAndGet();
        String runner = users.get((int) (n % users.size()));
        OffsetDateTime start = runStartedAt.minusSeconds(86_400 + n * 3).atOffset(ZoneOffset.UTC);
        return webhooks.run("bench-" + n, Setup.userOf(runner), "ingest-" + n, start, 5000 + n % 1000);
    }

    /**
     * Finds the highest rate the target sustains: doubling from {@code startRate} until a step fails (halving
     * instead while even the first rates fail), then two bisections between the last pass and the first failure.
     */
    private Map<String, Object> search(String target, double startRate, double warmUpSeconds,
            LongFunction<CompletableFuture<Boolean>> call, Runnable between) throws Exception {
        System.out.printf("bench: ingest %s%n", target);
        // Warm-up: JIT, connection pools and caches, closed loop with a few requests in flight; not reported.
        long warmed = OpenLoop.warmUp(warmUpSeconds, 4, call);
        System.out.printf("bench:   warm-up: %d requests in %.0f s%n", warmed, warmUpSeconds);
        between.run();
        List<OpenLoop.Step> steps = new ArrayList<>();
        double passed = 0;
        double failed = Double.NaN;
        double rate = startRate;
        while (Double.isNaN(failed) && steps.size() < 9) {
            OpenLoop.Step step = step(target, rate, call, steps, between);
            if (!step.passed() && blip(step)) {
                System.out.printf("bench:   (median still %.1f ms: a few slow requests, not saturation; once more)%n", step.millis(50));
                step = step(target, rate, call, steps, between);
            }
            if (step.passed()) {
                passed = rate;
                rate *= 2;
            } else {
                failed = rate;
            }
        }
        for (int halvings = 0; passed == 0 && !Double.isNaN(failed) && halvings < 3; halvings++) {
            OpenLoop.Step step = step(target, failed / 2, call, steps, between);
            if (step.passed()) {
                passed = failed / 2;
            } else {
                failed = failed / 2;
            }
        }
        for (int i = 0; i < 2 && !Double.isNaN(failed) && passed > 0; i++) {
            double middle = (passed + failed) / 2;
            OpenLoop.Step step = step(target, middle, call, steps, between);
            if (step.passed()) {
                passed = middle;
            } else {
                failed = middle;
            }
        }
        OpenLoop.Step best = steps.stream().filter(OpenLoop.Step::passed)
                .max(java.util.Comparator.comparingDouble(OpenLoop.Step::offeredRate)).orElse(null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("maxPerSecond", Math.round(passed));
        json.put("firstFailingPerSecond", Double.isNaN(failed) ? null : Math.round(failed));
        json.put("atMax", best == null ? null : best.toJson());
        List<Map<String, Object>> stepJson = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> one = steps.get(i).toJson();
            if (i < relayPace.size() && relayPace.get(i) != null) {
                one.put("outboxRelay", relayPace.get(i));
            }
            stepJson.add(one);
        }
        relayPace.clear();
        json.put("steps", stepJson);
        System.out.printf("bench: %s sustains %.0f/s with p99 < 100 ms%n", target, passed);
        return json;
    }

    /**
     * A failed step whose median stayed low and that kept up with the rate failed on a handful of slow requests,
     * which on a shared machine is as likely a neighbour's burst as the target's limit: it is run once more.
     */
    private static boolean blip(OpenLoop.Step step) {
        return !step.aborted() && step.unanswered() == 0 && step.millis(50) < 20 && step.failed() <= step.sent() / 1000;
    }

    /**
     * One measured step, then the pause before the next. For activity-service it also follows its outbox relay:
     * how many events reached {@code activities} while the step ran, and how long the relay needed afterwards to
     * publish the rest (the pause waits for exactly that).
     */
    private OpenLoop.Step step(String target, double rate, LongFunction<CompletableFuture<Boolean>> call,
            List<OpenLoop.Step> steps, Runnable between) throws Exception {
        boolean relay = target.equals("activity-service");
        long publishedBefore = relay ? kafka.endOffsets(ACTIVITIES) : 0;
        OpenLoop.Step step = OpenLoop.run(target, rate, stepSeconds, concurrency, call, watch);
        long endedAt = System.nanoTime();
        long publishedAtEnd = relay ? kafka.endOffsets(ACTIVITIES) : 0;
        between.run();
        if (relay) {
            long publishedAfter = kafka.endOffsets(ACTIVITIES);
            // The pause ends once everything accepted so far is on the topic, or after 30 s.
            double catchUp = (System.nanoTime() - endedAt) / 1e9;
            Map<String, Object> pace = new LinkedHashMap<>();
            pace.put("publishedDuringStep", publishedAtEnd - publishedBefore);
            pace.put("publishedAfterStep", publishedAfter - publishedAtEnd);
            pace.put("secondsToPublishTheRest", Math.round(catchUp * 10) / 10.0);
            pace.put("publishedPerSecond", Math.round((publishedAfter - publishedBefore) / (step.seconds() + catchUp) * 10) / 10.0);
            relayPace.add(pace);
        } else {
            relayPace.add(null);
        }
        steps.add(step);
        System.out.printf("bench:   %-16s %7.0f/s offered  %7.0f/s accepted  p50 %8.2f ms  p99 %8.2f ms  %s%s%n", target,
                rate, step.acceptedPerSecond(), step.millis(50), step.millis(99), step.passed() ? "pass" : "FAIL",
                step.aborted() ? " (stopped early: backlog)" : "");
        return step;
    }

    /**
     * Gives activity-service's relay up to 15 s to publish what the steps so far stored (one event per accepted
     * webhook), so a step starts with as little of the last one's work left as the relay allows.
     */
    private void quiesceActivities() {
        try {
            long target = publishedBase + acceptedByActivityService.get();
            long deadline = System.currentTimeMillis() + 15_000;
            while (kafka.endOffsets(ACTIVITIES) < target && System.currentTimeMillis() < deadline) {
                Thread.sleep(250);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How far activity-service's relay is behind what it accepted, and its pace on that backlog over 10 s. Then
     * the rest of the ramp's backlog is marked published straight in its outbox table: those events are for
     * runners without plans, nothing later depends on them, and at the relay's pace they would hold up every
     * later measurement (whose events queue behind them) for minutes.
     */
    private Map<String, Object> relayBacklog() throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        long accepted = acceptedByActivityService.get();
        long start = kafka.endOffsets(ACTIVITIES);
        long t0 = System.nanoTime();
        Thread.sleep(10_000);
        long end = kafka.endOffsets(ACTIVITIES);
        double pace = (end - start) / ((System.nanoTime() - t0) / 1e9);
        json.put("acceptedDuringRamp", accepted);
        json.put("publishedWhenRampEnded", start - publishedBase);
        json.put("publishedPerSecondOnBacklog", Math.round(pace * 10) / 10.0);
        String url = "jdbc:postgresql://" + endpoints.getProperty("postgres.host") + ":" + endpoints.getProperty("postgres.port")
                + "/activity";
        try (Connection connection = DriverManager.getConnection(url, endpoints.getProperty("postgres.user"),
                endpoints.getProperty("postgres.password")); Statement statement = connection.createStatement()) {
            int cut = statement.executeUpdate("UPDATE outbox_event SET published_at = now() WHERE published_at IS NULL");
            json.put("backlogMarkedPublishedByTheBench", cut);
            System.out.printf("bench: activity-service accepted %d, its relay published %d by the end of the ramp and"
                    + " %.0f/s on the backlog; %d left unpublished are skipped%n", accepted, start - publishedBase, pace, cut);
        }
        return json;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------- end to end

    private Map<String, Object> endToEnd(double maxIngest) throws Exception {
        Map<String, Object> e2e = new LinkedHashMap<>();
        double base = maxIngest > 0 ? maxIngest : 20;
        // Level 0: 2 webhooks/s for 10 s, the pace the email path keeps up with (4 emails/s), to show the pipeline's
        // own latency without queueing; it also warms plan-service up. Then 25%, 50% and 75% of the ingest max.
        double[] shares = {0, 0.25, 0.50, 0.75};
        List<List<String>> levels = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int level = 0; level < shares.length; level++) {
            // At most 500 webhooks a level: each needs a plan first, plan-service relays plans at its own pace, and
            // the whole level must drain before the next; the run has to fit in 15 minutes.
            int count = level == 0 ? 20 : (int) Math.min(500, Math.max(20, Math.round(base * shares[level] * e2eSeconds)));
            List<String> runners = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                runners.add(String.format("e2e%d-%05d", level, i));
            }
            levels.add(runners);
            all.addAll(runners);
        }
        List<String> scaleOut = new ArrayList<>();
        for (int batch = 0; batch <= 3; batch++) {
            List<String> runners = new ArrayList<>();
            for (int i = 0; i < (batch == 0 ? 300 : scaleOutRunners); i++) {
                runners.add(String.format("so%d-%05d", batch, i));
            }
            scaleOutBatches.add(runners);
            scaleOut.addAll(runners);
        }
        System.out.printf("bench: end to end: %d plans and links, %d plans for scale-out%n", all.size(), scaleOut.size());
        // plan-service was restarted after the ingest ramp: these runners' walks warm its JIT up first (a walk in
        // days 1-3 is evaluated like any activity but raises nothing, so no email queues before level 0).
        List<String> warmUp = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            warmUp.add(String.format("warm-%05d", i));
        }
        long plansBefore = kafka.endOffsets("plans");
        long setupStarted = System.nanoTime();
        List<String> plans = new ArrayList<>(all);
        plans.addAll(warmUp);
        plans.addAll(scaleOut);
        try (Setup setup = new Setup()) {
            setup.plans(services.get("plan-service").baseUrl(), plans);
            double planSeconds = (System.nanoTime() - setupStarted) / 1e9;
            long linksStarted = System.nanoTime();
            setup.links(services.get("activity-service").baseUrl(), all);
            double linkSeconds = (System.nanoTime() - linksStarted) / 1e9;
            e2e.put("setup", Map.of("plans", plans.size(), "plansPerSecond", Math.round(plans.size() / planSeconds),
                    "links", all.size(), "linksPerSecond", Math.round(all.size() / linkSeconds)));
        }
        // Every plan on `plans` (plan-service's relay publishes them one by one after the API answered), every
        // contact known to notification-service, and plan-service idle, before the first webhook.
        long relayWait = System.nanoTime();
        long plansOnTopic = awaitTopicGrowth("plans", plansBefore + plans.size(), 180_000);
        double relaySeconds = (System.nanoTime() - setupStarted) / 1e9;
        e2e.put("planRelay", Map.of("plansCreated", plans.size(), "plansOnTopic", plansOnTopic - plansBefore,
                "secondsFromFirstPostToLastOnTopic", Math.round(relaySeconds * 10) / 10.0,
                "publishedPerSecond", Math.round((plansOnTopic - plansBefore) / relaySeconds * 10) / 10.0,
                "secondsWaitedAfterTheLastPost", Math.round((System.nanoTime() - relayWait) / 1e8) / 10.0));
        System.out.printf("bench: plan-service relayed %d PlanChanged in %.0f s after the first POST%n",
                plansOnTopic - plansBefore, relaySeconds);
        kafka.awaitLag("notification-service", "plans", 120_000);
        kafka.awaitLag("plan-service", ACTIVITIES, 60_000);
        long warmStarted = System.nanoTime();
        try (KafkaProducer<String, String> producer = kafka.producer()) {
            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
            for (int round = 0; round < 3; round++) {
                for (String runner : warmUp) {
                    producer.send(Kafka.recorded(runner, Sport.WALK, start.minusMinutes(round * 10L), 1200, 1500, 2));
                }
            }
            producer.flush();
        }
        Thread.sleep(1_000);
        kafka.awaitLag("plan-service", ACTIVITIES, 90_000);
        e2e.put("planServiceWarmUp", Map.of("walks", warmUp.size() * 3,
                "seconds", Math.round((System.nanoTime() - warmStarted) / 1e8) / 10.0));
        published = new TopicTimes(kafka.bootstrap, ACTIVITIES, "e2e");
        e2e.put("workload", "each webhook is the first run of a different runner on day 1-3 of their plan (Rest phase):"
                + " exactly one OVERLOAD alert (no running in days 1-7), emailed to the runner and to their PT at once");
        List<Map<String, Object>> results = new ArrayList<>();
        ServiceProcess activity = services.get("activity-service");
        try (HttpTarget http = new HttpTarget("127.0.0.1", activity.port, "/api/v1/webhooks/generic", concurrency)) {
            long e2eBase = kafka.endOffsets(ACTIVITIES);
            long e2eAccepted = 0;
            for (int level = 0; level < shares.length; level++) {
                // The last level's events all on `activities` (activity-service's relay is slower than its API) and
                // all consumed, so each level starts on an idle pipeline.
                long deadline = System.currentTimeMillis() + 90_000;
                while (kafka.endOffsets(ACTIVITIES) < e2eBase + e2eAccepted && System.currentTimeMillis() < deadline) {
                    Thread.sleep(250);
                }
                long left = kafka.awaitLag("plan-service", ACTIVITIES, Math.max(1_000, deadline - System.currentTimeMillis()));
                if (left > 0 || kafka.endOffsets(ACTIVITIES) < e2eBase + e2eAccepted) {
                    System.out.printf("bench:   the pipeline is still behind after 90 s (plan-service lag %d); going on%n", left);
                }
                double rate = level == 0 ? 2 : base * shares[level];
                Map<String, Object> result = level(level, shares[level], rate, levels.get(level), http, level == 0 ? 60_000 : 40_000);
                e2eAccepted += ((Number) result.get("accepted")).longValue();
                results.add(result);
            }
        }
        e2e.put("levels", results);
        published.close();
        return e2e;
    }

    private Map<String, Object> level(int level, double share, double rate, List<String> runners, HttpTarget http,
            long waitAfterSending) throws Exception {
        System.out.printf("bench: end to end at %s: %.0f/s, %d runners%n",
                share == 0 ? "a pace the email path keeps up with" : Math.round(share * 100) + "% of max ingest", rate, runners.size());
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        long backlog = emailsNotYetSent();
        Watch.Snapshot before = watch.snapshot();
        double[] load = Machine.loadAverage();
        OpenLoop.Step sent = OpenLoop.run("e2e" + level, rate, runners.size() / rate, concurrency, seq -> {
            String runner = runners.get((int) seq);
            return http.post(webhooks.run("e2e-" + runner, Setup.userOf(runner), "first-run", start, 5000));
        }, watch);
        long sendingEnded = System.currentTimeMillis();
        // One wait for both, counted from the last webhook: what has not arrived by then is reported as such.
        long alertWait = waitAfterSending;
        int missingAlerts = alerts.await(runners, alertWait, 20_000);
        long emailWait = waitAfterSending;
        Map<String, Map<String, Long>> sentAt = awaitEmails("e2e" + level + "-", runners.size() * 2,
                Math.max(1_000, sendingEnded + emailWait - System.currentTimeMillis()), 20_000);
        Watch.Snapshot after = watch.snapshot();

        Latencies toPublished = new Latencies();
        Latencies publishedToRaised = new Latencies();
        Latencies raisedToRecord = new Latencies();
        Latencies toRecord = new Latencies();
        Latencies toRaised = new Latencies();
        Latencies toConsumer = new Latencies();
        Latencies toRunnerEmail = new Latencies();
        Latencies toPtEmail = new Latencies();
        int duplicates = 0;
        for (String runner : runners) {
            List<AlertWatcher.Alert> seen = alerts.of(runner);
            if (seen.size() > 1) {
                duplicates++;
            }
            if (seen.isEmpty()) {
                toRecord.missing();
                toRaised.missing();
                toConsumer.missing();
                toRunnerEmail.missing();
                toPtEmail.missing();
                continue;
            }
            AlertWatcher.Alert alert = seen.get(0);
            Long onActivities = published.first(runner);
            if (onActivities != null) {
                toPublished.record(onActivities - alert.activityAcceptedAt());
                publishedToRaised.record(alert.raisedAt() - onActivities);
            }
            raisedToRecord.record(alert.recordTimestamp() - alert.raisedAt());
            toRecord.record(alert.recordTimestamp() - alert.activityAcceptedAt());
            toRaised.record(alert.raisedAt() - alert.activityAcceptedAt());
            toConsumer.record(alert.receivedAt() - alert.activityAcceptedAt());
            Map<String, Long> emails = sentAt.getOrDefault(runner, Map.of());
            recordEmail(toRunnerEmail, emails.get("RUNNER"), alert.activityAcceptedAt());
            recordEmail(toPtEmail, emails.get("PT"), alert.activityAcceptedAt());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("shareOfMaxIngest", share);
        json.put("offeredPerSecond", Math.round(rate * 10) / 10.0);
        json.put("webhooks", runners.size());
        json.put("accepted", sent.ok());
        json.put("ingestLatencyMs", Map.of("p50", sent.millis(50), "p99", sent.millis(99)));
        json.put("emailsOfEarlierLevelsStillUnsentAtStart", backlog);
        json.put("alertsMissing", missingAlerts);
        json.put("runnersWithMoreThanOneAlert", duplicates);
        Map<String, Object> stages = new LinkedHashMap<>();
        stages.put("acceptedToActivityOnTopic (activity-service relay)", toPublished.toJson(alertWait));
        stages.put("activityOnTopicToAlertRaised (plan-service consumer)", publishedToRaised.toJson(alertWait));
        stages.put("alertRaisedToAlertOnTopic (plan-service relay)", raisedToRecord.toJson(alertWait));
        json.put("alertStagesMs", stages);
        json.put("acceptedToAlertOnTopicMs", toRecord.toJson(alertWait));
        json.put("acceptedToAlertRaisedMs", toRaised.toJson(alertWait));
        json.put("acceptedToAlertConsumedMs", toConsumer.toJson(alertWait));
        json.put("acceptedToRunnerEmailMs", toRunnerEmail.toJson(emailWait));
        json.put("acceptedToPtEmailMs", toPtEmail.toJson(emailWait));
        json.put("secondsFromLastWebhookToLastEmail", Math.round((System.currentTimeMillis() - sendingEnded) / 100.0) / 10.0);
        json.put("loadAverage1m", load[0]);
        json.put("coresUsed", Watch.cores(before, after));
        System.out.printf("bench:   alert on topic p50 %s p99 %s ms; runner email p50 %s p99 %s ms (%d missing)%n",
                toRecord.percentile(50), toRecord.percentile(99), toRunnerEmail.percentile(50), toRunnerEmail.percentile(99),
                toRunnerEmail.missingCount());
        return json;
    }

    /** Deliveries still waiting to go out (left over from an earlier level), from notification-service's ledger. */
    private long emailsNotYetSent() throws SQLException {
        String url = "jdbc:postgresql://" + endpoints.getProperty("postgres.host") + ":" + endpoints.getProperty("postgres.port")
                + "/notification";
        try (Connection connection = DriverManager.getConnection(url, endpoints.getProperty("postgres.user"),
                endpoints.getProperty("postgres.password")); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM delivery WHERE state IN ('PENDING', 'SENDING')")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void recordEmail(Latencies latencies, Long sentAt, long acceptedAt) {
        if (sentAt == null) {
            latencies.missing();
        } else {
            latencies.record(sentAt - acceptedAt);
        }
    }

    /**
     * When SMTP accepted each email: notification-service stamps {@code sent_at} in the same moment it records the
     * SMTP server's "250 OK" (its delivery ledger, read here directly so that polling costs the system nothing
     * while it works). Waits until all are sent, none came for {@code quietMillis}, or the time is up.
     */
    private Map<String, Map<String, Long>> awaitEmails(String runnerPrefix, int expected, long timeoutMillis, long quietMillis)
            throws SQLException, InterruptedException {
        String url = "jdbc:postgresql://" + endpoints.getProperty("postgres.host") + ":" + endpoints.getProperty("postgres.port")
                + "/notification";
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int lastCount = -1;
        long lastChange = System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection(url, endpoints.getProperty("postgres.user"),
                endpoints.getProperty("postgres.password"))) {
            while (true) {
                Map<String, Map<String, Long>> sent = new HashMap<>();
                int count = 0;
                try (PreparedStatement query = connection.prepareStatement("SELECT runner_id, recipient_role,"
                        + " (extract(epoch FROM sent_at) * 1000)::bigint FROM delivery WHERE state = 'SENT' AND runner_id LIKE ?")) {
                    query.setString(1, runnerPrefix + "%");
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            sent.computeIfAbsent(rows.getString(1), r -> new HashMap<>()).put(rows.getString(2), rows.getLong(3));
                            count++;
                        }
                    }
                }
                long now = System.currentTimeMillis();
                if (count != lastCount) {
                    lastCount = count;
                    lastChange = now;
                }
                if (count >= expected || now > deadline || now - lastChange > quietMillis) {
                    return sent;
                }
                Thread.sleep(1_000);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- scale-out

    @SuppressWarnings("unchecked")
    private Map<String, Object> scaleOut() throws Exception {
        List<List<String>> batches = scaleOutBatches;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partitions", kafka.partitions(ACTIVITIES));
        json.put("method", "ActivityRecorded events produced straight to `activities` as fast as Kafka takes them (a"
                + " backlog), one per runner with a plan (first run in days 1-3: one alert each); throughput = alerts"
                + " raised / (last alert's record time - first event's send time). notification-service is stopped"
                + " so plan-service has the machine to itself; activity-service is up but idle.");
        services.get("notification-service").close();
        watch.remove("notification-service");
        kafka.awaitLag("plan-service", ACTIVITIES, 60_000);
        try (KafkaProducer<String, String> producer = kafka.producer()) {
            json.put("oneInstance", batch("one instance", batches.get(1), producer, null));
            Map<String, String> env = new HashMap<>();
            String pg = endpoints.getProperty("postgres.host") + ":" + endpoints.getProperty("postgres.port");
            env.put("REBOUND_KAFKA_BOOTSTRAP", kafka.bootstrap);
            env.put("REBOUND_DB_USER", endpoints.getProperty("postgres.user"));
            env.put("REBOUND_DB_PASSWORD", endpoints.getProperty("postgres.password"));
            env.put("QUARKUS_PROFILE", "prod");
            env.put("REBOUND_HTTP_RATE_LIMIT_ENABLED", "false");
            database(env, pg, "plan");
            ServiceProcess second = start("plan-service-2", root.resolve("plan-service/target/quarkus-app/quarkus-run.jar"),
                    Ports.free(), env, "/q/health/ready");
            long stableWithin = awaitGroup("plan-service", 2, 90_000);
            json.put("secondInstanceJoinedAndGroupStableMs", stableWithin);
            json.put("assignmentAfterJoin", kafka.group("plan-service").partitionsPerMember());
            // The new instance's JIT is cold, the first one's warm from the end-to-end runs: a batch to even that out.
            json.put("warmUpOfTheSecondInstance", batch("two instances, warm-up", batches.get(0), producer, null));
            json.put("twoInstances", batch("two instances", batches.get(2), producer, null));
            Map<String, Object> rebalance = batch("two, one stopped mid-way", batches.get(3), producer, second);
            json.put("rebalanceUnderLoad", rebalance);
            double one = ((Number) ((Map<String, Object>) json.get("oneInstance")).get("alertsPerSecond")).doubleValue();
            double two = ((Number) ((Map<String, Object>) json.get("twoInstances")).get("alertsPerSecond")).doubleValue();
            json.put("ratioTwoOverOne", Math.round(two / one * 100) / 100.0);
        }
        json.put("uniqueness", uniqueness(batches));
        return json;
    }

    /**
     * Every runner this run gave a plan and one activity must have exactly one raised alert. Two records of one
     * alert with the same ce_id are one evaluation published twice (the outbox relay is at-least-once, and consumers
     * drop the repeat by ce_id); two different alert ids would be the activity evaluated twice.
     */
    private Map<String, Object> uniqueness(List<List<String>> batches) {
        List<String> runners = new ArrayList<>();
        batches.forEach(runners::addAll);
        alerts.all().keySet().stream().filter(r -> r.startsWith("e2e")).forEach(runners::add);
        int republished = 0;
        int evaluatedTwice = 0;
        int missing = 0;
        List<String> examples = new ArrayList<>();
        Map<String, Integer> byBatch = new java.util.TreeMap<>();
        for (String runner : runners) {
            List<AlertWatcher.Alert> seen = alerts.of(runner);
            if (seen.isEmpty()) {
                missing++;
                continue;
            }
            long alertIds = seen.stream().map(AlertWatcher.Alert::alertId).distinct().count();
            long eventIds = seen.stream().map(AlertWatcher.Alert::eventId).distinct().count();
            if (alertIds > 1 || eventIds > 1) {
                evaluatedTwice++;
            } else if (seen.size() > 1) {
                republished++;
            }
            if (seen.size() > 1) {
                byBatch.merge(runner.substring(0, runner.indexOf('-')), 1, Integer::sum);
                if (examples.size() < 5) {
                    examples.add(runner + ": " + seen.size() + " records, " + alertIds + " alert id(s), " + eventIds + " ce_id(s)");
                }
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runnersChecked", runners.size());
        json.put("runnersWithoutAlert", missing);
        json.put("runnersEvaluatedTwice", evaluatedTwice);
        json.put("runnersWithOneAlertPublishedTwice", republished);
        json.put("runnersWithRepeatsByGroup", byBatch);
        json.put("examples", examples);
        json.put("alertRecordsOnTopic", alerts.raised());
        return json;
    }

    /**
     * Produces one ActivityRecorded per runner and waits for their alerts. With {@code stopMidway}, that instance
     * is stopped (SIGTERM) once a third of the alerts are in, so its partitions move under load.
     */
    private Map<String, Object> batch(String label, List<String> runners, KafkaProducer<String, String> producer,
            ServiceProcess stopMidway) throws Exception {
        System.out.printf("bench: scale-out, %s: %d activities%n", label, runners.size());
        Map<String, List<Integer>> assignment = kafka.assignment("plan-service", ACTIVITIES);
        Map<Integer, Long> offsetsBefore = kafka.committed("plan-service", ACTIVITIES);
        Thread.sleep(1_000);
        Map<String, Long> pgBefore = pgStats.snapshot("plan");
        Watch.Snapshot before = watch.snapshot();
        double[] load = Machine.loadAverage();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        long firstSent = System.currentTimeMillis();
        for (String runner : runners) {
            producer.send(Kafka.recorded(runner, Sport.RUN, start, 1800, 5000, 5));
        }
        producer.flush();
        long lastSent = System.currentTimeMillis();
        Map<String, Object> json = new LinkedHashMap<>();
        if (stopMidway != null) {
            long deadline = System.currentTimeMillis() + 120_000;
            while (countAlerts(runners) < runners.size() / 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            long stopAt = System.currentTimeMillis();
            stopMidway.close();
            watch.remove(stopMidway.name);
            json.put("stoppedSecondInstanceAfterAlerts", countAlerts(runners));
            json.put("stopTookMs", System.currentTimeMillis() - stopAt);
        }
        int missing = alerts.await(runners, 240_000, 45_000);
        Watch.Snapshot after = watch.snapshot();
        long lastRecord = 0;
        long firstRaised = Long.MAX_VALUE;
        long lastRaised = 0;
        int received = 0;
        for (String runner : runners) {
            for (AlertWatcher.Alert alert : alerts.of(runner)) {
                lastRecord = Math.max(lastRecord, alert.recordTimestamp());
                firstRaised = Math.min(firstRaised, alert.raisedAt());
                lastRaised = Math.max(lastRaised, alert.raisedAt());
            }
            received += alerts.of(runner).isEmpty() ? 0 : 1;
        }
        double seconds = Math.max(1, lastRecord - firstSent) / 1000.0;
        json.put("activities", runners.size());
        json.put("producedInMs", lastSent - firstSent);
        json.put("runnersWithAlert", received);
        json.put("missing", missing);
        json.put("secondsFirstSendToLastAlert", Math.round(seconds * 100) / 100.0);
        json.put("alertsPerSecond", Math.round(received / seconds * 10) / 10.0);
        json.put("alertsPerSecondFirstToLastRaised", lastRaised > firstRaised
                ? Math.round((received - 1) / ((lastRaised - firstRaised) / 1000.0) * 10) / 10.0 : null);
        json.put("loadAverage1m", load[0]);
        json.put("coresUsed", Watch.cores(before, after));
        // Which consumer took how many of this batch's events, from the group's commits per partition.
        kafka.awaitLag("plan-service", ACTIVITIES, 10_000);
        Map<Integer, Long> offsetsAfter = kafka.committed("plan-service", ACTIVITIES);
        Map<String, Object> perMember = new LinkedHashMap<>();
        int member = 1;
        for (List<Integer> partitions : assignment.values()) {
            long events = partitions.stream().mapToLong(p -> offsetsAfter.getOrDefault(p, 0L) - offsetsBefore.getOrDefault(p, 0L)).sum();
            perMember.put("consumer " + member++ + " (partitions " + partitions + ")", events);
        }
        json.put("eventsByConsumerAtStart", perMember);
        Thread.sleep(1_000);
        json.put("planDatabasePerActivity", PgStats.perRequest(pgBefore, pgStats.snapshot("plan"), runners.size()));
        System.out.printf("bench:   %d alerts in %.1f s: %.0f/s %s%n", received, seconds, received / seconds, perMember);
        return json;
    }

    /** Waits until the topic holds at least {@code target} records in all (or stops growing for 20 s). */
    private long awaitTopicGrowth(String topic, long target, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long last = -1;
        long lastChange = System.currentTimeMillis();
        while (true) {
            long now = kafka.endOffsets(topic);
            if (now != last) {
                last = now;
                lastChange = System.currentTimeMillis();
            }
            if (now >= target || System.currentTimeMillis() > deadline || System.currentTimeMillis() - lastChange > 20_000) {
                return now;
            }
            Thread.sleep(250);
        }
    }

    private int countAlerts(List<String> runners) {
        int count = 0;
        for (String runner : runners) {
            count += alerts.of(runner).isEmpty() ? 0 : 1;
        }
        return count;
    }

    private long awaitGroup(String group, int members, long timeoutMillis) throws Exception {
        long started = System.currentTimeMillis();
        while (System.currentTimeMillis() - started < timeoutMillis) {
            Kafka.Group state = kafka.group(group);
            if (state.members() == members && state.state().equalsIgnoreCase("STABLE")
                    && state.partitionsPerMember().stream().allMatch(p -> p > 0)) {
                return System.currentTimeMillis() - started;
            }
            Thread.sleep(200);
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Map<String, Object> postgresSettings() throws SQLException {
        String url = "jdbc:postgresql://" + endpoints.getProperty("postgres.host") + ":" + endpoints.getProperty("postgres.port");
        Map<String, Object> settings = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url + "/postgres", endpoints.getProperty("postgres.user"),
                endpoints.getProperty("postgres.password")); Statement statement = connection.createStatement()) {
            for (String name : List.of("server_version", "synchronous_commit", "fsync", "shared_buffers", "max_connections")) {
                try (ResultSet row = statement.executeQuery("SHOW " + name)) {
                    row.next();
                    settings.put(name, row.getString(1));
                }
            }
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'bench'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE bench");
                }
            }
        }
        return settings;
    }

    private void note(String phase) {
        double[] load = Machine.loadAverage();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", phase);
        entry.put("time", Instant.now().toString());
        entry.put("loadAverage", List.of(load[0], load[1], load[2]));
        phaseLoad.add(entry);
    }

    private static String summary(Map<String, Map<String, Object>> footprint) {
        StringBuilder text = new StringBuilder();
        footprint.forEach((name, fp) -> text.append(name).append(' ').append(fp.get("readyMs")).append(" ms ")
                .append(fp.get("rssIdleMb")).append(" MB; "));
        return text.toString();
    }

    /** Free local ports for the services. */
    static final class Ports {

        private Ports() {
        }

        static int free() throws IOException {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
