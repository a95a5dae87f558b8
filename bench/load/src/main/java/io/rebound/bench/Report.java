package io.rebound.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges the measurements against the targets and writes {@code latest.json}, {@code latest.md} and
 * {@code latency.png}. Every target is a ratio to something measured in the same run on the same machine.
 */
final class Report {

    private Report() {
    }

    static void write(Map<String, String> options) throws Exception {
        Path results = Path.of(options.getOrDefault("--results", "bench/results"));
        Files.createDirectories(results);
        JsonNode system = Bench.JSON.readTree(Path.of(options.get("--system")).toFile());
        JsonNode jmh = options.containsKey("--jmh") && Files.exists(Path.of(options.get("--jmh")))
                ? Bench.JSON.readTree(Path.of(options.get("--jmh")).toFile()) : Bench.JSON.createObjectNode();

        ObjectNode latest = Bench.JSON.createObjectNode();
        latest.put("generatedAt", Instant.now().toString());
        latest.set("machine", Bench.JSON.valueToTree(Machine.describe()));
        ObjectNode load = latest.putObject("loadAverage");
        load.put("beforeRun", options.getOrDefault("--load-before", ""));
        load.set("phases", system.path("loadAverage"));
        load.put("note", "1/5/15-minute load averages of the whole machine; it is shared with other builds, so"
                + " anything above 2 on these 2 cores means the bench was competing for CPU");
        if (options.containsKey("--total-seconds")) {
            latest.put("benchRunSeconds", Long.parseLong(options.get("--total-seconds")));
        }
        List<Target> targets = targets(system, jmh, Machine.describe());
        latest.set("targets", Bench.JSON.valueToTree(targets.stream().map(Target::toJson).toList()));
        latest.set("settings", system.path("settings"));
        latest.set("postgres", system.path("postgres"));
        latest.set("ingest", system.path("ingest"));
        latest.set("endToEnd", system.path("endToEnd"));
        latest.set("smtpProbe", system.path("smtpProbe"));
        latest.set("evaluation", jmh);
        latest.set("scaleOut", system.path("scaleOut"));
        latest.set("footprint", system.path("footprint"));
        Bench.JSON.writeValue(results.resolve("latest.json").toFile(), latest);

        String markdown = markdown(latest, targets);
        Files.writeString(results.resolve("latest.md"), markdown);
        LatencyPlot.draw(latest, results.resolve("latency.png"));
        System.out.println(markdown);
    }

    // ---------------------------------------------------------------------------------------------- targets

    record Target(String name, String goal, String measured, Double ratio, String met) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("target", name);
            json.put("goal", goal);
            json.put("measured", measured);
            json.put("ratio", ratio);
            json.put("met", met);
            return json;
        }
    }

    static List<Target> targets(JsonNode system, JsonNode jmh, Map<String, Object> machine) {
        List<Target> targets = new ArrayList<>();
        JsonNode ingest = system.path("ingest");
        double service = ingest.path("activity-service").path("maxPerSecond").asDouble();
        double http = ingest.path("http-ceiling").path("maxPerSecond").asDouble();
        double jdbc = ingest.path("jdbc-ceiling").path("maxPerSecond").asDouble();
        double toHttp = ratio(service, http);
        targets.add(new Target("Ingest vs HTTP-only ceiling", ">= 0.50 x",
                fmt("%.0f/s vs %.0f/s", service, http), toHttp, verdict(toHttp >= 0.5)));
        double toJdbc = ratio(service, jdbc);
        targets.add(new Target("Ingest vs one-commit-per-request PostgreSQL", "> 1.00 x",
                fmt("%.0f/s vs %.0f/s", service, jdbc), toJdbc, verdict(toJdbc > 1.0)));

        JsonNode half = null;
        for (JsonNode level : system.path("endToEnd").path("levels")) {
            if (Math.abs(level.path("shareOfMaxIngest").asDouble() - 0.5) < 1e-9) {
                half = level;
            }
        }
        if (half != null) {
            JsonNode alert = half.path("acceptedToAlertOnTopicMs");
            targets.add(latencyTarget("End to end p99, accepted to alert on `alerts`, at 50% of max", 250, alert));
            JsonNode runner = half.path("acceptedToRunnerEmailMs");
            JsonNode pt = half.path("acceptedToPtEmailMs");
            JsonNode worse = worseP99(runner, pt);
            targets.add(latencyTarget("End to end p99, accepted to email accepted by SMTP (runner and PT), at 50% of max",
                    1000, worse));
        }

        for (String window : List.of("REINTRODUCE", "DAYS_29_35")) {
            double small = micros(jmh, window, "window", 10);
            double large = micros(jmh, window, "window", 100000);
            if (small > 0 && large > 0) {
                double r = large / small;
                targets.add(new Target("Evaluation cost, 100,000 vs 10 activities of history (" + window
                        + ", as the service passes it)", "within 10% (0.90-1.10 x)",
                        fmt("%.2f us vs %.2f us", large, small), round2(r), verdict(r >= 0.9 && r <= 1.1)));
            }
        }

        JsonNode scaleOut = system.path("scaleOut");
        if (scaleOut.has("ratioTwoOverOne")) {
            double r = scaleOut.path("ratioTwoOverOne").asDouble();
            int cores = (Integer) machine.get("nproc");
            String met = cores >= 4 ? verdict(r >= 1.6)
                    : "not judged: " + cores + " cores (" + (r >= 1.6 ? "reached" : "below") + " 1.6 x)";
            targets.add(new Target("plan-service, two instances vs one (6 partitions)", ">= 1.6 x where cores allow",
                    fmt("%.0f/s vs %.0f/s", scaleOut.path("twoInstances").path("alertsPerSecond").asDouble(),
                            scaleOut.path("oneInstance").path("alertsPerSecond").asDouble()), r, met));
            JsonNode unique = scaleOut.path("uniqueness");
            int twice = unique.path("runnersEvaluatedTwice").asInt();
            int republished = unique.path("runnersWithOneAlertPublishedTwice").asInt();
            int missing = unique.path("runnersWithoutAlert").asInt();
            targets.add(new Target("No activity evaluated twice across the rebalance", "0 runners with two alerts, none missing",
                    fmt("%d evaluated twice, %d missing of %d runners", twice, missing, unique.path("runnersChecked").asInt()),
                    null, verdict(twice == 0 && missing == 0)));
            targets.add(new Target("Alerts unique per runner on the topic (records, not just ids)", "1 record per runner",
                    fmt("%d runners with the same alert (same ce_id) published twice", republished), null,
                    verdict(republished == 0 && twice == 0)));
        }

        system.path("footprint").fields().forEachRemaining(entry -> {
            if (entry.getKey().equals("http-ceiling") || entry.getKey().equals("plan-service-2")) {
                return;
            }
            JsonNode fp = entry.getValue();
            double ready = fp.path("readyMs").asDouble();
            double rss = fp.path("rssIdleMb").asDouble();
            targets.add(new Target(entry.getKey() + ": launch to ready", "< 2 s", fmt("%.2f s (Quarkus: %.2f s)", ready / 1000,
                    fp.path("quarkusStartedInS").asDouble()), round2(ready / 2000), verdict(ready < 2000)));
            targets.add(new Target(entry.getKey() + ": RSS idle", "< 200 MB", fmt("%.0f MB (peak under load %s MB)", rss,
                    fp.path("rssUnderLoadPeakMb").asText("?")), round2(rss / 200), verdict(rss < 200)));
        });
        return targets;
    }

    private static Target latencyTarget(String name, double limitMs, JsonNode latencies) {
        JsonNode p99 = latencies.path("p99Ms");
        if (p99.isNull() || p99.isMissingNode()) {
            return new Target(name, "< " + (int) limitMs + " ms", fmt("> %.0f ms (%d of %d not within the wait)",
                    latencies.path("waitedMs").asDouble(), latencies.path("missingAfterWait").asInt(),
                    latencies.path("count").asInt() + latencies.path("missingAfterWait").asInt()), null, "no");
        }
        double value = p99.asDouble();
        return new Target(name, "< " + (int) limitMs + " ms", fmt("%.0f ms (p50 %s ms)", value,
                latencies.path("p50Ms").asText()), round2(value / limitMs), verdict(value < limitMs));
    }

    private static JsonNode worseP99(JsonNode a, JsonNode b) {
        if (a.path("p99Ms").isNull()) {
            return a;
        }
        if (b.path("p99Ms").isNull()) {
            return b;
        }
        return a.path("p99Ms").asDouble() >= b.path("p99Ms").asDouble() ? a : b;
    }

    static double micros(JsonNode jmh, String window, String passed, int history) {
        for (JsonNode row : jmh.path("cases")) {
            if (row.path("window").asText().equals(window) && row.path("passed").asText().equals(passed)
                    && row.path("history").asInt() == history) {
                return row.path("microsPerEvaluation").asDouble();
            }
        }
        return -1;
    }

    private static double ratio(double a, double b) {
        return b > 0 ? round2(a / b) : 0;
    }

    private static String verdict(boolean met) {
        return met ? "yes" : "no";
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    // ---------------------------------------------------------------------------------------------- markdown

    static String markdown(JsonNode latest, List<Target> targets) {
        StringBuilder md = new StringBuilder();
        JsonNode machine = latest.path("machine");
        md.append("# Rebound bench: latest run\n\n");
        md.append(fmt("%s, %d cores (%s), %d MB, %s. Load average before the run: %s.%n%n",
                latest.path("generatedAt").asText(), machine.path("nproc").asInt(), machine.path("cpuModel").asText(),
                machine.path("memoryMb").asInt(), machine.path("jdk").asText(), latest.path("loadAverage").path("beforeRun").asText()));
        md.append("| target | goal | measured | ratio | met |\n|---|---|---|---|---|\n");
        for (Target target : targets) {
            md.append(fmt("| %s | %s | %s | %s | %s |%n", target.name(), target.goal(), target.measured(),
                    target.ratio() == null ? "" : fmt("%.2f", target.ratio()), target.met()));
        }

        md.append("\n## Ingest (signed generic webhook, open loop, ").append(latest.path("ingest").path("concurrency").asInt())
                .append(" connections)\n\n");
        md.append("Cores used at the max: the three busiest of our processes, then the whole machine (ours and its other"
                + " tenants'); the machine has 2.\n\n");
        md.append("| target | max rate with p99 < 100 ms | first failing rate | p50 at max | p99 at max | cores used at max |\n|---|---|---|---|---|---|\n");
        for (String name : List.of("http-ceiling", "jdbc-ceiling", "activity-service")) {
            JsonNode t = latest.path("ingest").path(name);
            JsonNode at = t.path("atMax");
            md.append(fmt("| %s | %d/s | %s | %s ms | %s ms | %s |%n", name, t.path("maxPerSecond").asLong(),
                    t.path("firstFailingPerSecond").isNull() ? "-" : t.path("firstFailingPerSecond").asText() + "/s",
                    at.path("latencyMs").path("p50").asText("-"), at.path("latencyMs").path("p99").asText("-"),
                    topCores(at.path("coresUsed"), 3)));
        }
        JsonNode relay = latest.path("ingest").path("outboxRelay");
        if (!relay.isMissingNode() && relay.path("backlogMarkedPublishedByTheBench").asLong() == 0) {
            md.append(fmt("%nactivity-service's outbox relay had put all %d webhooks accepted in the ramp on `activities` by"
                    + " the time it ended.%n", relay.path("acceptedDuringRamp").asLong()));
        } else if (!relay.isMissingNode()) {
            md.append(fmt("%nAccepted is not published: activity-service's outbox relay put %d of the ramp's %d accepted"
                    + " webhooks on `activities` by the time the ramp ended, and published %.0f events/s while a backlog was"
                    + " waiting (the bench then marked the other %d as published; see README).%n",
                    relay.path("publishedWhenRampEnded").asLong(), relay.path("acceptedDuringRamp").asLong(),
                    relay.path("publishedPerSecondOnBacklog").asDouble(), relay.path("backlogMarkedPublishedByTheBench").asLong()));
        }
        JsonNode perWebhook = latest.path("ingest").path("activityDatabasePerWebhook");
        if (!perWebhook.isMissingNode()) {
            md.append(fmt("Database work per accepted webhook (pg_stat_database, activity): %.2f commits, %.2f rows inserted,"
                    + " %.2f updated, %.2f fetched.%n", perWebhook.path("xact_commit").asDouble(),
                    perWebhook.path("tup_inserted").asDouble(), perWebhook.path("tup_updated").asDouble(),
                    perWebhook.path("tup_fetched").asDouble()));
        }
        JsonNode pg = latest.path("postgres");
        md.append(fmt("%nPostgreSQL %s: synchronous_commit=%s, fsync=%s (devstack's embedded server).%n",
                pg.path("server_version").asText(), pg.path("synchronous_commit").asText(), pg.path("fsync").asText()));

        md.append("\n## End to end (webhook accepted to alert, to email)\n\n");
        md.append("| load | webhooks | alert on topic p50 / p99 | alert raised p99 | runner email p50 / p99 | PT email p50 / p99 | emails unsent at start | load avg |\n|---|---|---|---|---|---|---|---|\n");
        for (JsonNode level : latest.path("endToEnd").path("levels")) {
            double share = level.path("shareOfMaxIngest").asDouble();
            md.append(fmt("| %s | %d | %s / %s | %s | %s / %s | %s / %s | %d | %.2f |%n",
                    share == 0 ? fmt("%.0f/s (email pace)", level.path("offeredPerSecond").asDouble())
                            : fmt("%.0f%% = %.0f/s", share * 100, level.path("offeredPerSecond").asDouble()),
                    level.path("webhooks").asInt(),
                    ms(level.path("acceptedToAlertOnTopicMs"), "p50Ms"), ms(level.path("acceptedToAlertOnTopicMs"), "p99Ms"),
                    ms(level.path("acceptedToAlertRaisedMs"), "p99Ms"),
                    ms(level.path("acceptedToRunnerEmailMs"), "p50Ms"), ms(level.path("acceptedToRunnerEmailMs"), "p99Ms"),
                    ms(level.path("acceptedToPtEmailMs"), "p50Ms"), ms(level.path("acceptedToPtEmailMs"), "p99Ms"),
                    level.path("emailsOfEarlierLevelsStillUnsentAtStart").asLong(), level.path("loadAverage1m").asDouble()));
        }

        md.append("\nWhere the time to the alert goes (p50 / p99):\n\n");
        md.append("| load | accepted to activity on `activities` (activity-service relay) | to alert raised (plan-service consumer) | to alert on `alerts` (plan-service relay) |\n|---|---|---|---|\n");
        for (JsonNode level : latest.path("endToEnd").path("levels")) {
            JsonNode stages = level.path("alertStagesMs");
            List<String> cells = new ArrayList<>();
            stages.fields().forEachRemaining(stage -> cells.add(ms(stage.getValue(), "p50Ms") + " / " + ms(stage.getValue(), "p99Ms")));
            md.append(fmt("| %.0f/s | %s |%n", level.path("offeredPerSecond").asDouble(), String.join(" | ", cells)));
        }
        JsonNode planRelay = latest.path("endToEnd").path("planRelay");
        if (!planRelay.isMissingNode()) {
            md.append(fmt("%nplan-service's outbox relay put the %d PlanChanged of the set-up on `plans` at %.0f/s (the API had"
                    + " answered all of them %.0f s before the last was published).%n", planRelay.path("plansOnTopic").asInt(),
                    planRelay.path("publishedPerSecond").asDouble(), planRelay.path("secondsWaitedAfterTheLastPost").asDouble()));
        }

        JsonNode probe = latest.path("smtpProbe");
        if (!probe.isMissingNode()) {
            md.append(fmt("%n%s on its own, one connection, a bare client: %.0f ms per %d-byte"
                    + " message (median of %d), i.e. %.1f messages/s per connection.%n",
                    probe.path("server").asText("devstack's SMTP server (GreenMail)"), probe.path("medianMsPerMessage").asDouble(),
                    probe.path("messageBytes").asInt(), probe.path("messages").asInt(), probe.path("messagesPerSecondOneConnection").asDouble()));
        }

        md.append("\n## Evaluation cost (JMH, microseconds per RuleEngine.evaluate)\n\n");
        md.append("Median of the measured iterations; in brackets, how many activities the engine was handed.\n\n");
        md.append("| window | passed | 10 | 1,000 | 100,000 |\n|---|---|---|---|---|\n");
        for (String window : List.of("REINTRODUCE", "DAYS_29_35")) {
            for (String passed : List.of("window", "whole")) {
                md.append(fmt("| %s | %s | %s | %s | %s |%n", window,
                        passed.equals("window") ? "what the service passes" : "whole history",
                        us(latest.path("evaluation"), window, passed, 10), us(latest.path("evaluation"), window, passed, 1000),
                        us(latest.path("evaluation"), window, passed, 100000)));
            }
        }

        JsonNode so = latest.path("scaleOut");
        if (so.has("oneInstance")) {
            md.append("\n## Scale-out (plan-service, ").append(so.path("partitions").asInt()).append(" partitions)\n\n");
            md.append("| instances | activities | alerts/s | events per consumer | cores used (top 4) |\n|---|---|---|---|---|\n");
            for (String key : List.of("oneInstance", "warmUpOfTheSecondInstance", "twoInstances", "rebalanceUnderLoad")) {
                JsonNode b = so.path(key);
                if (b.isMissingNode()) {
                    continue;
                }
                List<String> members = new ArrayList<>();
                b.path("eventsByConsumerAtStart").fields().forEachRemaining(m -> members.add(m.getValue().asText()));
                md.append(fmt("| %s | %d | %.0f | %s | %s |%n", key.equals("oneInstance") ? "1" : key.equals("twoInstances") ? "2"
                                : key.equals("warmUpOfTheSecondInstance") ? "2 (warm-up of the new one, not judged)"
                                : "2, one stopped after " + b.path("stoppedSecondInstanceAfterAlerts").asInt() + " alerts",
                        b.path("activities").asInt(), b.path("alertsPerSecond").asDouble(), String.join(" + ", members),
                        topCores(b.path("coresUsed"), 4)));
            }
        }

        md.append("\n## Footprint (prod profile, ").append(latest.path("settings").path("serviceJvm").asText()).append(")\n\n");
        md.append("| process | launch to ready | Quarkus \"started in\" | RSS at ready | RSS idle | RSS peak under load |\n|---|---|---|---|---|---|\n");
        latest.path("footprint").fields().forEachRemaining(e -> md.append(fmt("| %s | %.2f s | %.2f s | %s MB | %s MB | %s MB |%n",
                e.getKey(), e.getValue().path("readyMs").asDouble() / 1000, e.getValue().path("quarkusStartedInS").asDouble(),
                e.getValue().path("rssAtReadyMb").asText("-"), e.getValue().path("rssIdleMb").asText("-"),
                e.getValue().path("rssUnderLoadPeakMb").asText("-"))));

        md.append("\nLoad average (1/5/15 min) by phase: ");
        List<String> phases = new ArrayList<>();
        for (JsonNode phase : latest.path("loadAverage").path("phases")) {
            phases.add(phase.path("at").asText() + " " + phase.path("loadAverage").toString());
        }
        md.append(String.join("; ", phases)).append(".\n");
        return md.toString();
    }

    private static String ms(JsonNode latencies, String field) {
        JsonNode value = latencies.path(field);
        if (value.isNull() || value.isMissingNode()) {
            return fmt("> %d s (%d of %d in)", latencies.path("waitedMs").asLong() / 1000, latencies.path("count").asLong(),
                    latencies.path("count").asLong() + latencies.path("missingAfterWait").asLong());
        }
        return value.asLong() >= 10_000 ? fmt("%.1f s", value.asLong() / 1000.0) : value.asText() + " ms";
    }

    private static String us(JsonNode jmh, String window, String passed, int history) {
        for (JsonNode row : jmh.path("cases")) {
            if (row.path("window").asText().equals(window) && row.path("passed").asText().equals(passed)
                    && row.path("history").asInt() == history) {
                return fmt("%.2f us [%d]", row.path("microsPerEvaluation").asDouble(), row.path("activitiesPassed").asInt());
            }
        }
        return "-";
    }

    private static String topCores(JsonNode cores, int n) {
        List<Map.Entry<String, Double>> entries = new ArrayList<>();
        cores.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("machine")) {
                entries.add(Map.entry(e.getKey(), e.getValue().asDouble()));
            }
        });
        entries.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        List<String> top = new ArrayList<>();
        for (int i = 0; i < Math.min(n, entries.size()); i++) {
            top.add(fmt("%s %.2f", entries.get(i).getKey(), entries.get(i).getValue()));
        }
        JsonNode machine = cores.path("machine (all processes)");
        return String.join(", ", top) + (machine.isMissingNode() ? "" : fmt("; machine %.2f", machine.asDouble()));
    }
}
