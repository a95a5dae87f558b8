package io.rebound.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rebound.infrastructure.EmbeddedInfrastructure;
import io.rebound.testkit.InfraAvailable;
import io.rebound.infrastructure.InfraMode;
import io.rebound.testkit.Mailbox;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.OverloadAlertRaised;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing lost, nothing twice, when a part of the system breaks under load. Each test runs one fault while a
 * device-like generator posts signed webhooks (one run today per runner, each runner with a plan whose race was two
 * days ago, so each accepted activity must end as one row, one ActivityRecorded, one OVERLOAD alert and one email to
 * the runner and one to their PT), then waits until the system is quiet and balances the ledger.
 */
@ExtendWith({InfraAvailable.class, SharedSystem.class})
class FaultsIT {

    /** How long, at most, the system may take to catch up after a fault. */
    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    private static RunningSystem system;
    private static EmbeddedInfrastructure infrastructure;

    @BeforeAll
    static void startSystem() throws Exception {
        // Stopping the broker and the database on their ports needs devstack's own servers.
        assumeTrue(InfraMode.current() == InfraMode.EMBEDDED, "fault tests stop and restart Kafka and PostgreSQL in"
                + " place, which only -Dinfra=embedded can do");
        system = SharedSystem.get();
        infrastructure = (EmbeddedInfrastructure) system.infrastructure();
    }

    @Test
    void activityServiceKilledAndRestartedLosesNothing() throws Exception {
        balance("kill -9 activity-service", 40, Copies.NONE, () -> {
            system.activity().kill();
            system.activity().start();
        });
    }

    @Test
    void planServiceKilledAndRestartedLosesNothingAndAlertsOnce() throws Exception {
        balance("kill -9 plan-service", 40, Copies.NONE, () -> {
            system.plan().kill();
            system.plan().start();
        });
    }

    @Test
    void notificationServiceKilledAndRestartedEmailsEachAlertOnce() throws Exception {
        balance("kill -9 notification-service", 40, Copies.SAME_MESSAGE_ID_WHEN_CUT_MID_SEND, () -> {
            system.notification().kill();
            system.notification().start();
        });
    }

    @Test
    void kafkaBrokerStoppedAndRestartedLosesNothing() throws Exception {
        balance("kafka stop+restart", 40, Copies.NONE, () -> infrastructure.kafka().restart());
    }

    /**
     * 20 s outlasts the consumers' retry of a failed transaction (service-support's IncomingEvents: 200 ms doubling up
     * to 10 s), so each waits out its longest backoff against a database that is still down; shorter would not.
     */
    @Test
    void postgresDownForTwentySecondsLosesNothing() throws Exception {
        balance("postgres down 20 s", 60, Copies.NONE, () -> {
            infrastructure.postgres().stop();
            Thread.sleep(Duration.ofSeconds(20).toMillis());
            infrastructure.postgres().start();
        });
    }

    /**
     * 15 s is a real outage for the sender as RunningSystem configures it (first retry after 1 s, doubling up to 5 s):
     * a refused connection fails at once, so each email falling due in the outage is refused three times or more and
     * waits out the longest backoff at least once before SMTP is back; 60 s proved nothing more, only longer.
     */
    @Test
    void smtpRefusingForFifteenSecondsStillEmailsEachAlertOnce() throws Exception {
        balance("smtp refusing 15 s", 40, Copies.SAME_MESSAGE_ID_WHEN_CUT_MID_SEND, () -> {
            infrastructure.smtp().pause();
            Thread.sleep(Duration.ofSeconds(15).toMillis());
            infrastructure.smtp().resume();
        });
    }

    /**
     * Every delivery twice (the two copies at once), and for every third runner the app's later "updated" version
     * arrives before its "created": the created is stale and must not overwrite the newer distance.
     */
    @Test
    void everyWebhookTwiceAndSomeOutOfOrderStoresEachActivityOnce() throws Exception {
        Map<String, Double> newest = new HashMap<>();
        Function<Runner, List<Delivery>> deliveries = runner -> {
            String activityId = UUID.randomUUID().toString();
            Instant created = Instant.now().minusSeconds(60);
            Delivery create = new Delivery("msg_" + UUID.randomUUID(), Providers.genericActivity("activity.created",
                    runner.webhookUserId(), activityId, Runner.startToday(), 5000, created));
            if (Math.floorMod(runner.id().hashCode(), 3) != 0) {
                newest.put(runner.id(), 5000.0);
                return List.of(create);
            }
            Delivery update = new Delivery("msg_" + UUID.randomUUID(), Providers.genericActivity("activity.updated",
                    runner.webhookUserId(), activityId, Runner.startToday(), 5400, created.plusSeconds(30)));
            newest.put(runner.id(), 5400.0);
            return List.of(update, create);
        };
        List<Runner> runners = prepare("dup", 40);
        Load load = new Load(runners, deliveries, 2).start();
        load.finish();
        check("every webhook twice, some out of order", runners, load, newest, Copies.NONE);
    }

    /** A fault, run while the load is on; it returns once the part it broke is back. */
    @FunctionalInterface
    private interface Fault {
        void run() throws Exception;
    }

    /** Which second copies of an email SMTP may receive in a fault. */
    private enum Copies {
        /** None: every email is handed to SMTP once. */
        NONE,
        /**
         * One per email caught in the instant between SMTP taking it and the sender hearing so, when either side goes
         * down then (notification-service killed before its SENT commit, or the SMTP server cut after storing the
         * message but before its "250" reached the sender): SMTP gives no way to take a message back or ask whether it
         * arrived, so it goes again, with the same Message-ID (shown once by mail clients).
         */
        SAME_MESSAGE_ID_WHEN_CUT_MID_SEND
    }

    /** Prepares {@code count} runners, starts the load, runs the fault once a quarter is accepted, and balances. */
    private static void balance(String fault, int count, Copies copies, Fault breakIt) throws Exception {
        Instant preparing = Instant.now();
        List<Runner> runners = prepare(fault.replaceAll("[^a-z]", "").substring(0, 6), count);
        Duration prepared = Duration.between(preparing, Instant.now());
        Load load = new Load(runners, FaultsIT::oneRun, 1).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted().size() >= count / 4);
        Instant start = Instant.now();
        breakIt.run();
        Duration took = Duration.between(start, Instant.now());
        load.finish();
        System.out.printf("fault %s: %d runners prepared in %d ms; broken and back in %d ms, %d attempts refused or"
                + " unanswered meanwhile; load done %d ms after the fault began%n", fault, count, prepared.toMillis(),
                took.toMillis(), load.failedAttempts(), Duration.between(start, Instant.now()).toMillis());
        Instant checking = Instant.now();
        check(fault, runners, load, Map.of(), copies);
        System.out.printf("fault %s: balanced and quiet %d ms after the load was done%n", fault,
                Duration.between(checking, Instant.now()).toMillis());
    }

    private static List<Delivery> oneRun(Runner runner) {
        return List.of(new Delivery("msg_" + UUID.randomUUID(), Providers.genericActivity("activity.created",
                runner.webhookUserId(), UUID.randomUUID().toString(), Runner.startToday(), 5000, null)));
    }

    /** Runners with a plan in its Rest phase and a linked webhook user, made before the fault, four at a time. */
    private static List<Runner> prepare(String prefix, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Runner>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                made.add(pool.submit(() -> {
                    Runner runner = Runner.create("f" + prefix);
                    runner.createPlanInRestPhase(system);
                    runner.linkWebhookUser(system);
                    return runner;
                }));
            }
            List<Runner> runners = new ArrayList<>();
            for (Future<Runner> runner : made) {
                runners.add(runner.get(2, TimeUnit.MINUTES));
            }
            return runners;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until nothing is missing and nothing changes any more, prints the ledger, and checks it. */
    private static void check(String fault, List<Runner> runners, Load load, Map<String, Double> newest, Copies copies) {
        assertThat(load.accepted()).as("the generator got every activity accepted in the end (it retries as a provider does)")
                .hasSize(runners.size());
        Ledger[] last = new Ledger[1];
        try {
            await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(2)).until(() -> {
                last[0] = Ledger.read(runners, load.accepted(), newest);
                return last[0].lost() == 0;
            });
            // Then quiet: a duplicate arriving late would change the ledger.
            Ledger balanced = last[0];
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> (last[0] = Ledger.read(runners, load.accepted(), newest)).equals(balanced));
        } finally {
            if (last[0] != null) {
                System.out.println(last[0].line(fault, copies));
            }
        }
        Ledger ledger = last[0];
        assertThat(ledger.problems()).as("what did not balance after " + fault).isEmpty();
        assertThat(ledger.duplicates(copies)).as("duplicates after " + fault).isZero();
        assertThat(ledger.lost()).as("lost after " + fault).isZero();
        assertThat(ledger.published()).isEqualTo(ledger.accepted());
        assertThat(ledger.alerts()).isEqualTo(ledger.accepted());
        assertThat(ledger.emails()).isEqualTo(2 * ledger.accepted());
    }

    /** One delivery of a webhook: its id stays the same however often it is sent. */
    private record Delivery(String webhookId, String body) {
    }

    /**
     * The device side: starts one runner's deliveries every 125 ms (8 activities a second), each delivery sent
     * {@code copies} times at once and re-sent every second until answered 2xx, as a provider re-sends.
     */
    private static final class Load {

        private static final Duration INTERVAL = Duration.ofMillis(125);
        private static final Duration GIVE_UP = Duration.ofMinutes(3);

        private final List<Runner> runners;
        private final Function<Runner, List<Delivery>> deliveries;
        private final int copies;
        private final Set<String> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicInteger failedAttempts = new java.util.concurrent.atomic.AtomicInteger();
        private final ExecutorService senders = Executors.newCachedThreadPool();
        /** The copies of one delivery, sent at the same time; apart from {@link #senders} so it can outlive its shutdown. */
        private final ExecutorService copySenders = Executors.newCachedThreadPool();
        private Thread generator;

        Load(List<Runner> runners, Function<Runner, List<Delivery>> deliveries, int copies) {
            this.runners = runners;
            this.deliveries = deliveries;
            this.copies = copies;
        }

        Load start() {
            generator = new Thread(() -> {
                for (Runner runner : runners) {
                    senders.submit(() -> send(runner));
                    try {
                        Thread.sleep(INTERVAL.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fault-load");
            generator.start();
            return this;
        }

        /** Waits until every runner's deliveries were answered 2xx or given up on. */
        void finish() throws InterruptedException {
            generator.join();
            senders.shutdown();
            if (!senders.awaitTermination(2 * GIVE_UP.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
            copySenders.shutdownNow();
        }

        Set<String> accepted() {
            return accepted;
        }

        int failedAttempts() {
            return failedAttempts.get();
        }

        private void send(Runner runner) {
            for (Delivery delivery : deliveries.apply(runner)) {
                List<Future<Boolean>> sent = new ArrayList<>();
                for (int i = 0; i < copies; i++) {
                    sent.add(copySenders.submit(() -> sendUntilAccepted(delivery)));
                }
                for (Future<Boolean> copy : sent) {
                    try {
                        if (!copy.get()) {
                            return;
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            }
            accepted.add(runner.id());
        }

        private boolean sendUntilAccepted(Delivery delivery) throws InterruptedException {
            Instant deadline = Instant.now().plus(GIVE_UP);
            while (Instant.now().isBefore(deadline)) {
                try {
                    int status = Providers.postSignedWebhook(system.activity().baseUrl(), delivery.webhookId(), delivery.body())
                            .statusCode();
                    if (status / 100 == 2) {
                        return true;
                    }
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception refusedOrTimedOut) {
                    // Down, restarting, or too slow to answer: try again, as a provider would.
                }
                failedAttempts.incrementAndGet();
                Thread.sleep(1000);
            }
            return false;
        }
    }

    /**
     * What the system holds for the runners of one fault. Each counts runners (or addresses) with at least one; a
     * duplicate is a second row, a second distinct activity event or alert, or a second email to one address; lost is
     * an expected one missing.
     *
     * @param redelivered  records seen again with an id already seen (at-least-once delivery; consumers drop them)
     * @param resentEmails emails received again with a Message-ID already received by that address
     */
    private record Ledger(int accepted, int stored, int published, int alerts, int emails, int duplicates, int lost,
            int redelivered, int resentEmails, List<String> problems) {

        static Ledger read(List<Runner> runners, Set<String> accepted, Map<String, Double> newest) throws Exception {
            Set<String> ids = new HashSet<>();
            runners.forEach(r -> ids.add(r.id()));
            Map<String, Integer> rows = new HashMap<>();
            Map<String, Double> distance = new HashMap<>();
            try (Connection db = system.database("activity");
                 PreparedStatement query = db.prepareStatement("SELECT runner_id, count(*), max(distance_metres) FROM activity"
                         + " WHERE runner_id = ANY (?) GROUP BY runner_id")) {
                query.setArray(1, db.createArrayOf("varchar", ids.toArray()));
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.put(result.getString(1), result.getInt(2));
                        distance.put(result.getString(1), result.getDouble(3));
                    }
                }
            }
            Map<String, Set<String>> recorded = new HashMap<>();
            int[] redelivered = {0};
            for (ConsumerRecord<String, String> record : system.topics().all("activities")) {
                if (ids.contains(record.key()) && ActivityRecorded.TYPE.type().equals(type(record))
                        && !recorded.computeIfAbsent(record.key(), k -> new HashSet<>())
                        .add(EventJson.read(record.value(), ActivityRecorded.TYPE).activityId().toString())) {
                    redelivered[0]++;
                }
            }
            Map<String, Set<String>> raised = new HashMap<>();
            for (ConsumerRecord<String, String> record : system.topics().all("alerts")) {
                if (ids.contains(record.key()) && OverloadAlertRaised.TYPE.type().equals(type(record))
                        && !raised.computeIfAbsent(record.key(), k -> new HashSet<>())
                        .add(EventJson.read(record.value(), OverloadAlertRaised.TYPE).alertId().toString())) {
                    redelivered[0]++;
                }
            }
            // Emails by Message-ID: one sent again after a crash keeps its id (a mail client shows it once).
            Map<String, Integer> mails = new HashMap<>();
            Map<String, Set<String>> mailIds = new HashMap<>();
            int resent = 0;
            Set<String> addresses = new HashSet<>();
            runners.forEach(r -> addresses.addAll(List.of(r.email().toLowerCase(java.util.Locale.ROOT),
                    r.ptEmail().toLowerCase(java.util.Locale.ROOT))));
            for (Mailbox.Received received : system.mailbox().received()) {
                if (addresses.contains(received.to()) && !mailIds.computeIfAbsent(received.to(), k -> new HashSet<>()).add(received.messageId())) {
                    resent++;
                }
            }
            mailIds.forEach((to, messageIds) -> mails.put(to, messageIds.size()));

            int stored = 0;
            int published = 0;
            int alerts = 0;
            int emails = 0;
            int duplicates = 0;
            int lost = 0;
            List<String> problems = new ArrayList<>();
            for (Runner runner : runners) {
                String id = runner.id();
                if (!accepted.contains(id)) {
                    continue;
                }
                int[] counts = {rows.getOrDefault(id, 0), recorded.getOrDefault(id, Set.of()).size(),
                        raised.getOrDefault(id, Set.of()).size(), mails.getOrDefault(runner.email(), 0),
                        mails.getOrDefault(runner.ptEmail(), 0)};
                String[] names = {"activity rows", "ActivityRecorded events", "OVERLOAD alerts", "emails to the runner",
                        "emails to the PT"};
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 1) {
                        problems.add(id + ": " + counts[i] + " " + names[i] + ", expected 1");
                    }
                    duplicates += Math.max(0, counts[i] - 1);
                    lost += counts[i] == 0 ? 1 : 0;
                }
                stored += Math.min(1, counts[0]);
                published += Math.min(1, counts[1]);
                alerts += Math.min(1, counts[2]);
                emails += Math.min(1, counts[3]) + Math.min(1, counts[4]);
                Double expected = newest.get(id);
                if (expected != null && counts[0] > 0 && Math.abs(distance.get(id) - expected) > 0.5) {
                    problems.add(id + ": stored " + distance.get(id) + " m, but the newest version says " + expected + " m");
                    lost++;
                }
            }
            return new Ledger(accepted.size(), stored, published, alerts, emails, duplicates, lost, redelivered[0], resent,
                    problems.size() > 10 ? List.copyOf(problems.subList(0, 10)) : problems);
        }

        private static String type(ConsumerRecord<String, String> record) {
            Header header = record.headers().lastHeader(CloudEvents.TYPE);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }

        /**
         * Everything received or stored twice. A copy of an email SMTP received again counts too, except where the
         * fault makes one unavoidable (and then it has the same Message-ID).
         */
        int duplicates(Copies copies) {
            return duplicates + (copies == Copies.NONE ? resentEmails : 0);
        }

        String line(String fault, Copies copies) {
            return ("fault %s: accepted=%d published=%d alerts=%d emails=%d duplicates=%d lost=%d (stored=%d; records"
                    + " redelivered with an id already seen=%d; emails SMTP received twice=%d%s)")
                    .formatted(fault, accepted, published, alerts, emails, duplicates(copies), lost, stored, redelivered,
                            resentEmails, copies == Copies.NONE ? ""
                                    : ", each with its Message-ID, allowed for this fault and not counted above");
        }
    }
}
