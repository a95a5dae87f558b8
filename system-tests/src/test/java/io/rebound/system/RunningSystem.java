package io.rebound.system;

import io.rebound.infrastructure.Endpoints;
import io.rebound.infrastructure.InfraMode;
import io.rebound.infrastructure.Infrastructure;
import io.rebound.testkit.Mailbox;
import io.rebound.infrastructure.Keycloak;
import io.rebound.infrastructure.Ports;
import io.rebound.testkit.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system, started once for the module's test classes ({@link SharedSystem}): devstack's Kafka, PostgreSQL
 * and SMTP, WireMock playing the providers, Keycloak as the identity provider, the three packaged services and the
 * web app as processes, each on its own fixed port so it can be stopped and started again where clients expect it.
 */
final class RunningSystem implements AutoCloseable {

    private final Infrastructure infrastructure;
    private final Providers providers;
    private final Keycloak keycloak;
    private final ServiceProcess activity;
    private final ServiceProcess plan;
    private final ServiceProcess notification;
    private final ServiceProcess web;

    private RunningSystem(Infrastructure infrastructure, Providers providers, Keycloak keycloak, ServiceProcess activity,
            ServiceProcess plan, ServiceProcess notification, ServiceProcess web) {
        this.infrastructure = infrastructure;
        this.providers = providers;
        this.keycloak = keycloak;
        this.web = web;
        this.activity = activity;
        this.plan = plan;
        this.notification = notification;
    }

    /** Starts everything, with data and logs under {@code java.io.tmpdir/<name>}; stops what started if a part fails. */
    static RunningSystem start(String name) throws Exception {
        Path work = Path.of(System.getProperty("java.io.tmpdir"), name);
        Path logs = Files.createDirectories(work.resolve("logs"));
        // Keycloak takes the longest to start; it starts beside Kafka, PostgreSQL and SMTP.
        CompletableFuture<Keycloak> starting = CompletableFuture.supplyAsync(() -> {
            try {
                // Under Maven, the build's shared Keycloak directory: the distribution the infrastructure module's tests built is reused.
                String shared = System.getProperty("rebound.keycloak.dir");
                return Keycloak.start(shared != null ? Path.of(shared) : work.resolve("keycloak"), 0);
            } catch (Exception e) {
                throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
            }
        });
        Infrastructure infrastructure;
        try {
            infrastructure = InfraMode.current().start(work.resolve("devstack"));
        } catch (RuntimeException | Error e) {
            starting.thenAccept(Keycloak::close);
            throw e;
        }
        Providers providers = null;
        Keycloak keycloak = null;
        List<ServiceProcess> started = new java.util.ArrayList<>();
        try {
            keycloak = starting.join();
            Endpoints endpoints = infrastructure.endpoints();
            providers = Providers.start();
            int webPort = Ports.free();

            // A killed consumer's partitions go to its restarted successor after 10 s, not the default 45 s.
            Map<String, String> common = new HashMap<>(keycloak.quarkusConfig());
            common.put("kafka.session.timeout.ms", "10000");
            // One address sends every test's requests, BadInputFuzzIT's thousand in a row among them; the limiter is
            // tested in service-support (RequestLimitFilterTest).
            common.put("rebound.http.rate-limit.api.requests-per-second", "5000");
            common.put("rebound.http.rate-limit.api.burst", "10000");

            Map<String, String> activityConfig = new HashMap<>(endpoints.quarkusConfig("activity"));
            activityConfig.put("rebound.activity.strava.base-url", providers.baseUrl());
            activityConfig.put("rebound.activity.webhook.generic.secrets", Providers.GENERIC_SECRET);
            activityConfig.put("rebound.activity.token-key", Providers.TOKEN_KEY);
            activityConfig.put("rebound.activity.garmin.push-secret", Providers.GARMIN_PUSH_SECRET);
            activityConfig.put("rebound.activity.polar.webhook-secret", Providers.POLAR_WEBHOOK_SECRET);
            activityConfig.put("rebound.activity.strava.subscription-id", Long.toString(Providers.STRAVA_SUBSCRIPTION));
            // Connecting Strava (docs/devices.md): WireMock's authorization page, and the web app's callback
            // as the one address a connect may name.
            activityConfig.put("rebound.activity.strava.client-id", Providers.STRAVA_CLIENT_ID);
            activityConfig.put("rebound.activity.strava.client-secret", Providers.STRAVA_CLIENT_SECRET);
            activityConfig.put("rebound.activity.strava.auth-url", providers.baseUrl() + Providers.STRAVA_AUTHORIZE_PATH);
            activityConfig.put("rebound.activity.connect.redirect-uris", webUrl(webPort) + "/devices/callback/{provider}");
            activityConfig.putAll(common);
            ServiceProcess activity = new ServiceProcess("activity-service", Ports.free(), activityConfig, logs);
            started.add(activity);

            Map<String, String> planConfig = new HashMap<>(endpoints.quarkusConfig("plan"));
            planConfig.putAll(common);
            ServiceProcess plan = new ServiceProcess("plan-service", Ports.free(), planConfig, logs);
            started.add(plan);

            // Run as in production (prod profile), so it needs the secret that signs unsubscribe links.
            Map<String, String> notificationConfig = new HashMap<>(endpoints.quarkusConfig("notification"));
            notificationConfig.put("rebound.notification.unsubscribe-secret", "system-test-unsubscribe-secret-" + UUID.randomUUID());
            notificationConfig.putAll(common);
            // Retries after an SMTP outage within seconds, not the production 5 s doubling up to 10 min.
            notificationConfig.put("rebound.notification.first-backoff", "1s");
            notificationConfig.put("rebound.notification.max-backoff", "5s");
            // A claim left by a killed process is taken again after 20 s, not the production minute.
            notificationConfig.put("rebound.notification.stale-claim", "20s");
            // Links in emails open the web app.
            notificationConfig.put("rebound.notification.base-url", webUrl(webPort));
            ServiceProcess notification = new ServiceProcess("notification-service", Ports.free(), notificationConfig, logs);
            started.add(notification);

            Map<String, String> webConfig = new HashMap<>();
            webConfig.put("REBOUND_OIDC_AUTH_SERVER_URL", keycloak.issuer());
            webConfig.put("REBOUND_OIDC_CLIENT_ID", "rebound-web");
            webConfig.put("REBOUND_OIDC_CLIENT_SECRET", Keycloak.WEB_CLIENT_SECRET);
            webConfig.put("REBOUND_ACTIVITY_URL", activity.baseUrl());
            webConfig.put("REBOUND_PLAN_URL", plan.baseUrl());
            webConfig.put("REBOUND_NOTIFICATION_URL", notification.baseUrl());
            // The callback address the providers send runners back to, and where "Connect" may lead (WireMock).
            webConfig.put("REBOUND_PUBLIC_BASE_URL", webUrl(webPort));
            webConfig.put("REBOUND_WEB_AUTHORIZATION_ORIGINS", providers.baseUrl());
            ServiceProcess web = new ServiceProcess("web", webPort, webConfig, logs);
            started.add(web);
            // Side by side: none needs another to be up to start (each finds the others on their ports when called).
            startAll(started);

            return new RunningSystem(infrastructure, providers, keycloak, activity, plan, notification, web);
        } catch (Exception | Error e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
            closeQuietly(infrastructure, providers, keycloak);
            throw e;
        }
    }

    /** Starts the processes at the same time and returns once all are ready; the first failure, if any, is thrown. */
    private static void startAll(List<ServiceProcess> services) throws Exception {
        List<CompletableFuture<Void>> starting = new java.util.ArrayList<>();
        for (ServiceProcess service : services) {
            starting.add(CompletableFuture.runAsync(() -> {
                try {
                    service.start();
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }, command -> new Thread(command, "start-service").start()));
        }
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The web app as a browser reaches it: by name, as the identity provider's redirect addresses name it. */
    private static String webUrl(int port) {
        return "http://localhost:" + port;
    }

    Infrastructure infrastructure() {
        return infrastructure;
    }

    Endpoints endpoints() {
        return infrastructure.endpoints();
    }

    Providers providers() {
        return providers;
    }

    ServiceProcess activity() {
        return activity;
    }

    ServiceProcess plan() {
        return plan;
    }

    ServiceProcess notification() {
        return notification;
    }

    /** Where a person's browser opens the web app. */
    String webUrl() {
        return webUrl(web.port());
    }

    Keycloak keycloak() {
        return keycloak;
    }

    Mailbox mailbox() {
        return new Mailbox(endpoints().mailboxUrl());
    }

    TopicReader topics() {
        return new TopicReader(endpoints().kafkaBootstrapServers());
    }

    /** A runner's own token from Keycloak, as their app sends it. */
    String runnerToken(String runnerId) {
        return keycloak.token(runnerId, "runner");
    }

    /** A PT's token from Keycloak: their id at the clinic's identity provider as the subject. */
    String ptToken(String ptId) {
        return keycloak.token(ptId, "pt");
    }

    /** A clinic admin's token from Keycloak. */
    String adminToken() {
        return keycloak.token("clinic-admin", "admin");
    }

    /** A JDBC connection to one service's database, to count what it really stored. */
    Connection database(String name) throws SQLException {
        Endpoints endpoints = endpoints();
        return DriverManager.getConnection(endpoints.quarkusConfig(name).get("quarkus.datasource.jdbc.url"),
                endpoints.postgresUser(), endpoints.postgresPassword());
    }

    /** Stops the three services side by side (each waits out its shutdown delay), then everything else. */
    @Override
    public void close() throws Exception {
        List<Thread> stopping = new java.util.ArrayList<>();
        for (ServiceProcess service : List.of(web, notification, plan, activity)) {
            Thread stop = new Thread(() -> {
                try {
                    service.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-service");
            stop.start();
            stopping.add(stop);
        }
        for (Thread stop : stopping) {
            stop.join();
        }
        closeQuietly(infrastructure, providers, keycloak);
    }

    private static void closeQuietly(Infrastructure infrastructure, Providers providers, Keycloak keycloak) {
        infrastructure.close();
        if (providers != null) {
            providers.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
