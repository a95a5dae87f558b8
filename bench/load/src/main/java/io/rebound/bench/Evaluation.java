package io.rebound.bench;

import io.rebound.bench.jmh.RuleEngineBenchmark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the rule-engine JMH benchmark (one fork per case, short iterations: the whole set in about a minute). */
final class Evaluation {

    private Evaluation() {
    }

    static Map<String, Object> run() throws Exception {
        double[] loadBefore = Machine.loadAverage();
        List<Map<String, Object>> cases = new ArrayList<>();
        // What the service passes decides the target: more and longer iterations, judged on their median, which a
        // busy neighbour on a shared machine moves less than the mean.
        cases.addAll(run("window", 3, TimeValue.seconds(1), 6, TimeValue.seconds(1)));
        cases.addAll(run("whole", 2, TimeValue.milliseconds(700), 3, TimeValue.seconds(1)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "io.rebound.bench.jmh.RuleEngineBenchmark: RuleEngine.evaluate(PlanContext, PlanWindow,"
                + " List<LoggedActivity>), JMH average time, 1 fork; what the service passes: 3 x 1 s warm-up, 6 x 1 s"
                + " measured; whole history: 2 x 0.7 s warm-up, 3 x 1 s measured. microsPerEvaluation is the median"
                + " of the measured iterations, mean and its 99.9% error are JMH's");
        json.put("loadAverage1mBefore", loadBefore[0]);
        json.put("loadAverage1mAfter", Machine.loadAverage()[0]);
        json.put("cases", cases);
        return json;
    }

    private static List<Map<String, Object>> run(String passed, int warmups, TimeValue warmupTime, int iterations,
            TimeValue iterationTime) throws Exception {
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                .include(RuleEngineBenchmark.class.getName())
                .param("passed", passed)
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(warmupTime)
                .measurementIterations(iterations)
                .measurementTime(iterationTime)
                .jvmArgs("-Xms1g", "-Xmx1g")
                .shouldFailOnError(true)
                .build()).run();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (RunResult run : runs) {
            List<Double> scores = new ArrayList<>();
            run.getBenchmarkResults().forEach(b -> b.getIterationResults()
                    .forEach(i -> scores.add(i.getPrimaryResult().getScore())));
            scores.sort(Double::compare);
            double median = scores.size() % 2 == 1 ? scores.get(scores.size() / 2)
                    : (scores.get(scores.size() / 2 - 1) + scores.get(scores.size() / 2)) / 2;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("window", run.getParams().getParam("window"));
            row.put("passed", run.getParams().getParam("passed"));
            row.put("history", Integer.parseInt(run.getParams().getParam("history")));
            row.put("microsPerEvaluation", round3(median));
            row.put("mean", round3(run.getPrimaryResult().getScore()));
            double error = run.getPrimaryResult().getScoreError();
            row.put("error999", Double.isNaN(error) ? null : round3(error));
            row.put("iterations", scores.stream().map(Evaluation::round3).toList());
            row.put("activitiesPassed", activitiesPassed(run));
            cases.add(row);
        }
        return cases;
    }

    /** How many activities the case hands the engine. */
    private static int activitiesPassed(RunResult run) {
        RuleEngineBenchmark state = new RuleEngineBenchmark();
        state.history = Integer.parseInt(run.getParams().getParam("history"));
        state.window = run.getParams().getParam("window");
        state.passed = run.getParams().getParam("passed");
        state.setUp();
        return state.size();
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
