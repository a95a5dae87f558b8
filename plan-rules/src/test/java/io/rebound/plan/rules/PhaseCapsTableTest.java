package io.rebound.plan.rules;

import static io.rebound.plan.rules.RuleTable.MILE;
import static io.rebound.plan.rules.RuleTable.all;
import static io.rebound.plan.rules.RuleTable.massage;
import static io.rebound.plan.rules.RuleTable.ride;
import static io.rebound.plan.rules.RuleTable.ridesOn;
import static io.rebound.plan.rules.RuleTable.row;
import static io.rebound.plan.rules.RuleTable.run;
import static io.rebound.plan.rules.RuleTable.runWithHeartRate;
import static io.rebound.plan.rules.RuleTable.runWithStrides;
import static io.rebound.plan.rules.RuleTable.runsOn;
import static io.rebound.plan.rules.RuleTable.walk;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.events.MassageDepth;
import io.rebound.plan.rules.RuleTable.Row;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/domain.md "Caps per phase", one table per phase: each cap just under, exactly at, just over the soft cap and
 * just over the hard cap. Peak week 50 km unless a row says otherwise; runs are easy (RPE 3) unless stated.
 */
class PhaseCapsTableTest {

    static Stream<Row> rest() {
        return Stream.of(
                row("REST running none: any run = OVERLOAD (a 1 km jog on day 2)", List.of(run(2, 1000)), "NO_RUNNING/OVERLOAD"),
                row("REST running none: two runs still give one OVERLOAD", runsOn(3000, 1, 3), "NO_RUNNING/OVERLOAD"),
                row("REST cross-training none: any session = WARNING", List.of(ride(1, 20)), "NO_CROSS_TRAINING/WARNING"),
                row("REST walks exempt: short walks raise nothing", List.of(walk(1), walk(2), walk(3))),
                row("REST deep massage = ADVISORY", List.of(massage(3, MassageDepth.DEEP)), "DEEP_MASSAGE/ADVISORY"),
                row("REST a light massage raises nothing", List.of(massage(2, MassageDepth.LIGHT))),
                row("Calendar: race day (day 0) counts toward nothing", List.of(run(0, 42_195))));
    }

    static Stream<Row> recover() {
        return Stream.of(
                row("RECOVER running none: any run = OVERLOAD (day 7 is still RECOVER)", List.of(run(7, 2000)),
                        "NO_RUNNING/OVERLOAD"),
                row("RECOVER cross-training more than 3 days: 3 days is within", ridesOn(30, 4, 5, 6)),
                row("RECOVER cross-training more than 3 days: the 4th day = WARNING", ridesOn(30, 4, 5, 6, 7),
                        "CROSS_TRAINING_DAYS/WARNING"),
                row("Walking is cross-training from day 4 on: 3 rides and a walk are 4 days",
                        all(ridesOn(30, 4, 5, 6), List.of(walk(7))), "CROSS_TRAINING_DAYS/WARNING"),
                row("RECOVER a session over 40 min: exactly 40 is within", List.of(ride(5, 40))),
                row("RECOVER a session over 40 min = WARNING (41 min)", List.of(ride(5, 41)), "CROSS_TRAINING_SESSION/WARNING"),
                row("RECOVER cross-training above EASY = WARNING (RPE 5 is MODERATE)", List.of(ride(6, 30, 5)),
                        "CROSS_TRAINING_INTENSITY/WARNING"),
                row("Intensity RPE 1-4 is EASY: RPE 4 is within RECOVER's cap", List.of(ride(6, 30, 4))));
    }

    static Stream<Row> reintroduce() {
        return Stream.of(
                row("REINTRODUCE run days soft 3: three days is within", runsOn(2000, 8, 10, 12)),
                row("REINTRODUCE run days soft 3: the 4th run day = WARNING", runsOn(2000, 8, 10, 12, 13), "RUN_DAYS/WARNING"),
                row("REINTRODUCE run days hard 4: the 5th run day = OVERLOAD", runsOn(2000, 8, 9, 10, 12, 13),
                        "RUN_DAYS/WARNING", "RUN_DAYS/OVERLOAD"),
                row("Crossing a day cap counts distinct local days: two runs on one day are one run day",
                        runsOn(2000, 8, 8, 10, 10, 12)),
                row("REINTRODUCE a run over 6 mi: exactly 6 mi is within", 100_000, List.of(run(10, 6 * MILE))),
                row("REINTRODUCE a run over 6 mi = OVERLOAD (6 mi + 1 m)", 100_000, List.of(run(10, 6 * MILE + 1)),
                        "SINGLE_RUN_DISTANCE/OVERLOAD"),
                row("REINTRODUCE phase volume soft 20%: just under (9,998 of 10,000 m)", runsOn(4999, 8, 10)),
                row("REINTRODUCE phase volume soft 20%: exactly at the cap is within (10,000 m)", runsOn(5000, 8, 10)),
                row("REINTRODUCE phase volume soft 20%: just over = WARNING (10,001 m)",
                        List.of(run(8, 5000), run(10, 5001)), "PHASE_VOLUME/WARNING"),
                row("REINTRODUCE phase volume hard 25%: just over = OVERLOAD (12,501 m, after the soft cap)",
                        List.of(run(8, 5000), run(10, 5001), run(12, 2500)), "PHASE_VOLUME/WARNING", "PHASE_VOLUME/OVERLOAD"),
                row("One activity crossing soft and hard caps raises only the OVERLOAD", List.of(run(8, 9000), run(10, 4000)),
                        "PHASE_VOLUME/OVERLOAD"),
                row("REINTRODUCE runs above EASY = WARNING (RPE 5)", List.of(run(9, 3000, 5)), "RUN_INTENSITY/WARNING"),
                row("Intensity by heart rate: 142 of max 190 is 75%, EASY", List.of(runWithHeartRate(9, 3000, 142))),
                row("Intensity by heart rate: 145 of max 190 is 76%, MODERATE = WARNING",
                        List.of(runWithHeartRate(9, 3000, 145)), "RUN_INTENSITY/WARNING"),
                row("REINTRODUCE strides = WARNING", List.of(runWithStrides(11, 3000)), "STRIDES/WARNING"),
                row("Runs shorter than the 2 mi floor raise nothing", List.of(run(9, 1500))),
                row("REINTRODUCE cross-training more than 4 days: 4 days is within", ridesOn(30, 8, 9, 10, 11)),
                row("REINTRODUCE cross-training more than 4 days = WARNING", ridesOn(30, 8, 9, 10, 11, 12),
                        "CROSS_TRAINING_DAYS/WARNING"),
                row("REINTRODUCE a session over 45 min: exactly 45 is within", List.of(ride(9, 45))),
                row("REINTRODUCE a session over 45 min = WARNING", List.of(ride(9, 46)), "CROSS_TRAINING_SESSION/WARNING"),
                row("REINTRODUCE cross-training HARD = WARNING (RPE 7)", List.of(ride(9, 30, 7)),
                        "CROSS_TRAINING_INTENSITY/WARNING"),
                row("REINTRODUCE cross-training MODERATE is within (RPE 6)", List.of(ride(9, 30, 6))));
    }

    static Stream<Row> rebuild() {
        return Stream.of(
                row("REBUILD run days soft 4: four days is within", runsOn(3000, 15, 16, 18, 20)),
                row("REBUILD run days soft 4: the 5th run day = WARNING", runsOn(3000, 15, 16, 18, 20, 21), "RUN_DAYS/WARNING"),
                row("REBUILD run days hard 5: the 6th run day = OVERLOAD", runsOn(3000, 15, 16, 17, 18, 20, 21),
                        "RUN_DAYS/WARNING", "RUN_DAYS/OVERLOAD"),
                row("REBUILD a run of 10 mi or more: 1 m short of 10 mi is within", 100_000, List.of(run(17, 10 * MILE - 1))),
                row("REBUILD a run of 10 mi or more = OVERLOAD: exactly 10 mi", 100_000, List.of(run(17, 10 * MILE)),
                        "SINGLE_RUN_DISTANCE/OVERLOAD"),
                row("REBUILD phase volume soft 40%: exactly at the cap is within (20,000 m)", runsOn(5000, 15, 17, 19, 21)),
                row("REBUILD phase volume soft 40%: just over = WARNING", all(runsOn(5000, 15, 17, 19), List.of(run(21, 5001))),
                        "PHASE_VOLUME/WARNING"),
                row("REBUILD phase volume hard 50%: just over = OVERLOAD",
                        all(runsOn(5000, 15, 17, 19), List.of(run(19, 5001), run(21, 5000))),
                        "PHASE_VOLUME/WARNING", "PHASE_VOLUME/OVERLOAD"),
                row("REBUILD runs: MODERATE is within (RPE 6)", List.of(run(16, 3000, 6))),
                row("REBUILD runs HARD = WARNING (RPE 7)", List.of(run(16, 3000, 7)), "RUN_INTENSITY/WARNING"),
                row("REBUILD strides allowed", List.of(runWithStrides(16, 3000))),
                row("REBUILD cross-training more than 3 days = WARNING", ridesOn(30, 15, 16, 17, 18),
                        "CROSS_TRAINING_DAYS/WARNING"),
                row("REBUILD a session over 60 min: exactly 60 is within", List.of(ride(16, 60))),
                row("REBUILD a session over 60 min = WARNING", List.of(ride(16, 61)), "CROSS_TRAINING_SESSION/WARNING"));
    }

    static Stream<Row> resume() {
        return Stream.of(
                row("RESUME phase volume hard 60%: exactly at the cap is within (30,000 m)", runsOn(5000, 22, 23, 24, 25, 26, 27)),
                row("RESUME phase volume hard 60%: just over = OVERLOAD, no soft cap",
                        all(runsOn(5000, 22, 23, 24, 25, 26), List.of(run(27, 5001))), "PHASE_VOLUME/OVERLOAD"),
                row("RESUME has no run-day cap: seven run days raise nothing", runsOn(2000, 22, 23, 24, 25, 26, 27, 28)),
                row("RESUME cross-training more than 3 days = WARNING", ridesOn(30, 22, 23, 24, 25),
                        "CROSS_TRAINING_DAYS/WARNING"),
                row("RESUME a session over 60 min = WARNING", List.of(ride(28, 75)), "CROSS_TRAINING_SESSION/WARNING"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rest")
    void rest(Row row) {
        assertThat(RuleTable.found(row)).isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recover")
    void recover(Row row) {
        assertThat(RuleTable.found(row)).isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reintroduce")
    void reintroduce(Row row) {
        assertThat(RuleTable.found(row)).isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rebuild")
    void rebuild(Row row) {
        assertThat(RuleTable.found(row)).isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resume")
    void resume(Row row) {
        assertThat(RuleTable.found(row)).isEqualTo(row.expected());
    }
}
