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
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                .include(RuleEngineBenchmark.class.getName())
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.milliseconds(700))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xms1g", "-Xmx1g")
                .shouldFailOnError(true)
                .build()).run();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (RunResult run : runs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("window", run.getParams().getParam("window"));
            row.put("passed", run.getParams().getParam("passed"));
            row.put("history", Integer.parseInt(run.getParams().getParam("history")));
            row.put("microsPerEvaluation", round3(run.getPrimaryResult().getScore()));
            double error = run.getPrimaryResult().getScoreError();
            row.put("error99", Double.isNaN(error) ? null : round3(error));
            cases.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "io.rebound.bench.jmh.RuleEngineBenchmark: RuleEngine.evaluate(PlanContext, PlanWindow,"
                + " List<LoggedActivity>), JMH average time, 1 fork, 2 x 0.7 s warm-up, 3 x 1 s measured");
        json.put("loadAverage1mBefore", loadBefore[0]);
        json.put("loadAverage1mAfter", Machine.loadAverage()[0]);
        json.put("cases", cases);
        return json;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
