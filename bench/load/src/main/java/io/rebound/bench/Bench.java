package io.rebound.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The bench driver, run by {@code bench/run} in three steps:
 * <ul>
 *   <li>{@code jmh --out FILE}: the rule engine's evaluation cost (before anything else runs);</li>
 *   <li>{@code system --endpoints FILE --work DIR --out FILE [--devstack-pid PID]}: ingest, end to end, scale-out and
 *   footprint against the running system;</li>
 *   <li>{@code report --system FILE --jmh FILE --results DIR}: the targets, {@code latest.json}, {@code latest.md} and
 *   {@code latency.png}.</li>
 *   <li>{@code plan-throughput [--runners N --rounds R --jar FILE --work DIR --out FILE]}: plan-service alone, activities
 *   evaluated a second ({@link PlanThroughput}); not part of {@code bench/run}.</li>
 * </ul>
 */
public final class Bench {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        // Kafka's clients log every configuration at INFO; warnings are what matter here.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length == 0) {
            System.err.println("usage: Bench jmh|system|report --option value ...");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        switch (args[0]) {
            case "jmh" -> write(Path.of(options.get("--out")), Evaluation.run());
            case "system" -> write(Path.of(options.get("--out")), new SystemRun(options).run());
            case "report" -> Report.write(options);
            case "plan-throughput" -> write(Path.of(options.getOrDefault("--out", "bench/target/plan-throughput/result.json")),
                    PlanThroughput.run(options));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        // Kafka, Vert.x and JMH leave non-daemon threads behind; the work is done and written.
        System.exit(0);
    }

    static void write(Path file, Object json) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), json);
    }
}
