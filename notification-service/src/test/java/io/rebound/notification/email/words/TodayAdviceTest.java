package io.rebound.notification.email.words;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.OverloadAlertRaised.TippingActivity;
import io.rebound.events.OverloadAlertRaised.TodayAllowance;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import io.rebound.events.Sport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TodayAdviceTest {

    private static final double MILE = 1609.344;

    private static OverloadAlertRaised alert(Phase phase, TodayAllowance today) {
        OffsetDateTime start = OffsetDateTime.parse("2026-11-12T07:00:00-06:00");
        return new OverloadAlertRaised(UUID.randomUUID(), UUID.randomUUID(), "runner-1", "RUN_DAYS", "at most 3 run days",
                Severity.WARNING, phase, 11, start.toLocalDate(), Quantity.RUN_DAYS, 3, 4, DistanceUnit.MI,
                new TippingActivity(UUID.randomUUID(), Sport.RUN, start, 1800, 3 * MILE), Instant.now(), Instant.now(),
                today, null);
    }

    private static TodayAllowance reintroduce(Integer runDaysLeft, Double distanceLeft, Double longest) {
        return new TodayAllowance(LocalDate.parse("2026-11-12"), 11, Phase.REINTRODUCE, true, longest, runDaysLeft,
                distanceLeft, false, true, 45, 2);
    }

    @Test
    void roomLeftIsSpelledOutInTheRunnersUnit() {
        String advice = TodayAdvice.of(alert(Phase.REINTRODUCE, reintroduce(1, 4 * MILE, 6 * MILE)));

        assertThat(advice).isEqualTo("If you run today, keep it relaxed and under 4.00 mi. You have 1 run day and"
                + " 4.00 mi left through day 14. Leave strides out for now.");
    }

    @Test
    void noRunDaysLeftMeansARestDay() {
        String advice = TodayAdvice.of(alert(Phase.REINTRODUCE, reintroduce(0, 3 * MILE, 6 * MILE)));

        assertThat(advice).startsWith("Make today a rest day. You have used the run days this part of your plan allows"
                + " through day 14.").contains("up to 45 minutes");
    }

    @Test
    void beforeDayEightItPointsToCrossTrainingOrRest() {
        TodayAllowance recover = new TodayAllowance(LocalDate.parse("2026-11-06"), 5, Phase.RECOVER, false, 0.0, null,
                null, false, true, 40, 3);
        TodayAllowance rest = new TodayAllowance(LocalDate.parse("2026-11-03"), 2, Phase.REST, false, 0.0, null, null,
                false, false, null, 0);

        assertThat(TodayAdvice.of(alert(Phase.RECOVER, recover))).isEqualTo("No running today: your plan brings it back"
                + " on day 8. Easy cross-training is welcome instead: a gentle ride, swim or elliptical session of up to"
                + " 40 minutes, at a pace where you could chat.");
        assertThat(TodayAdvice.of(alert(Phase.REST, rest))).endsWith("Rest, or take a short, easy walk if you feel like moving.");
    }

    @Test
    void withoutAnAllowanceThePhaseSpeaks() {
        assertThat(TodayAdvice.of(alert(Phase.REBUILD, null))).isEqualTo(TodayAdvice.forPhase(Phase.REBUILD));
    }
}
