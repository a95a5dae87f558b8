package io.rebound.web.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.web.calendar.PlanCalendar.Day;
import io.rebound.web.calendar.PlanCalendar.Phase;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class PlanCalendarTest {

    // Sunday 1 November 2026.
    private static final LocalDate RACE = LocalDate.of(2026, 11, 1);

    @Test
    void weeksRunMondayToSundayFromRaceDaysWeekToDay28() {
        List<List<Day>> weeks = PlanCalendar.weeks(RACE, RACE.plusDays(9));

        assertThat(RACE.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(weeks).allSatisfy(week -> assertThat(week).hasSize(7));
        List<Day> first = weeks.get(0);
        assertThat(first.subList(0, 6)).allMatch(Day::blank);
        assertThat(first.get(6).date()).isEqualTo(RACE);
        assertThat(first.get(6).raceDay()).isTrue();
        assertThat(first.get(6).phase()).isEqualTo(Phase.RACE);
        List<Day> days = days(weeks);
        assertThat(days).hasSize(29);
        assertThat(days.get(28).day()).isEqualTo(28);
        assertThat(days).allMatch(d -> d.date().getDayOfWeek() == weekday(weeks, d));
    }

    @Test
    void todayIsMarkedOnceAndBoundaryDaysBelongToTheEarlierPhase() {
        List<Day> days = days(PlanCalendar.weeks(RACE, RACE.plusDays(9)));

        assertThat(days.stream().filter(Day::today).toList()).singleElement()
                .satisfies(d -> {
                    assertThat(d.day()).isEqualTo(9);
                    assertThat(d.phase()).isEqualTo(Phase.REINTRODUCE);
                    assertThat(d.label()).isEqualTo("Tue 10 Nov");
                });
        assertThat(days.get(3).phase()).isEqualTo(Phase.REST);
        assertThat(days.get(4).phase()).isEqualTo(Phase.RECOVER);
        assertThat(days.get(7).phase()).isEqualTo(Phase.RECOVER);
        assertThat(days.get(14).phase()).isEqualTo(Phase.REINTRODUCE);
        assertThat(days.get(21).phase()).isEqualTo(Phase.REBUILD);
        assertThat(days.get(22).phase()).isEqualTo(Phase.RESUME);
        assertThat(days.get(28).phase()).isEqualTo(Phase.RESUME);
    }

    @Test
    void afterDay28TheCalendarGoesOnToTodayUpToDay42() {
        assertThat(days(PlanCalendar.weeks(RACE, RACE.plusDays(33)))).last()
                .satisfies(d -> {
                    assertThat(d.day()).isEqualTo(33);
                    assertThat(d.today()).isTrue();
                    assertThat(d.phase()).isEqualTo(Phase.COMPLETE);
                });
        assertThat(days(PlanCalendar.weeks(RACE, RACE.plusDays(90)))).last()
                .satisfies(d -> assertThat(d.day()).isEqualTo(42));
    }

    @Test
    void beforeRaceDayNothingIsToday() {
        List<Day> days = days(PlanCalendar.weeks(RACE, RACE.minusDays(2)));
        assertThat(days).noneMatch(Day::today).hasSize(29);
    }

    @Test
    void aRaceOnAMondayStartsTheFirstRow() {
        LocalDate monday = LocalDate.of(2026, 11, 2);
        List<List<Day>> weeks = PlanCalendar.weeks(monday, monday);
        assertThat(weeks.get(0).get(0).raceDay()).isTrue();
        assertThat(weeks.get(0).get(0).today()).isTrue();
        // Days 0-28 are 29 days: four full weeks and one day, padded to five rows.
        assertThat(weeks).hasSize(5);
        assertThat(weeks.get(4).subList(1, 7)).allMatch(Day::blank);
    }

    @Test
    void phasesDescribeThemselves() {
        assertThat(Phase.REINTRODUCE.describe()).isEqualTo("Reintroduce, days 8-14");
        assertThat(Phase.of(0)).isEqualTo(Phase.RACE);
        assertThat(Phase.of(29).describe()).isEqualTo("Plan complete, day 29 on");
        assertThat(Phase.REBUILD.cssClass()).isEqualTo("phase-rebuild");
    }

    private static List<Day> days(List<List<Day>> weeks) {
        return weeks.stream().flatMap(List::stream).filter(d -> !d.blank()).toList();
    }

    private static DayOfWeek weekday(List<List<Day>> weeks, Day day) {
        for (List<Day> week : weeks) {
            for (int i = 0; i < 7; i++) {
                if (Objects.equals(week.get(i).date(), day.date())) {
                    return DayOfWeek.of(i + 1);
                }
            }
        }
        return null;
    }
}
