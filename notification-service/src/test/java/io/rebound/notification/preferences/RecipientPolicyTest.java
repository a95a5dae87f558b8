package io.rebound.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebound.notification.preferences.Decision.Action;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The preference decisions as pure functions of the settings and an explicit instant. */
class RecipientPolicyTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalTime SEVEN = LocalTime.of(7, 0);

    private static RecipientSettings quiet(String from, String to) {
        return new RecipientSettings(false, true, new QuietHours(LocalTime.parse(from), LocalTime.parse(to)), LONDON);
    }

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    /** A WARNING (not an OVERLOAD) owed at the given London time: held until, or sent (empty "until"). */
    @ParameterizedTest(name = "quiet {0}-{1}, WARNING at {2}: held until {3}")
    @CsvSource({
            // across midnight
            "22:00, 07:00, 2026-01-15T23:30, 2026-01-16T07:00",
            "22:00, 07:00, 2026-01-15T22:00, 2026-01-16T07:00",
            "22:00, 07:00, 2026-01-16T00:00, 2026-01-16T07:00",
            "22:00, 07:00, 2026-01-16T06:59, 2026-01-16T07:00",
            "22:00, 07:00, 2026-01-16T07:00, ",
            "22:00, 07:00, 2026-01-15T21:59, ",
            "22:00, 07:00, 2026-01-15T12:00, ",
            // same day, from before to
            "13:00, 15:00, 2026-01-15T14:00, 2026-01-15T15:00",
            "13:00, 15:00, 2026-01-15T13:00, 2026-01-15T15:00",
            "13:00, 15:00, 2026-01-15T12:59, ",
            "13:00, 15:00, 2026-01-15T15:00, ",
            "13:00, 15:00, 2026-01-15T23:00, ",
    })
    void warningInsideQuietHoursWaitsForTheirEnd(String from, String to, String at, String until) {
        Decision decision = RecipientPolicy.decide(quiet(from, to), false, london(at));
        if (until == null) {
            assertThat(decision.action()).isEqualTo(Action.SEND);
        } else {
            assertThat(decision.action()).isEqualTo(Action.DEFER);
            assertThat(decision.until()).isEqualTo(london(until));
        }
    }

    @Test
    void overloadGoesOutInsideQuietHours() {
        assertThat(RecipientPolicy.decide(quiet("22:00", "07:00"), true, london("2026-01-15T23:30")).action())
                .isEqualTo(Action.SEND);
    }

    @Test
    void withoutQuietHoursEverythingGoesOutAtOnce() {
        RecipientSettings none = new RecipientSettings(false, true, null, LONDON);
        assertThat(RecipientPolicy.decide(none, false, london("2026-01-15T03:00")).action()).isEqualTo(Action.SEND);
    }

    @Test
    void unsubscribedAddressGetsNothingNotEvenAnOverload() {
        RecipientSettings gone = new RecipientSettings(true, true, null, LONDON);
        assertThat(RecipientPolicy.decide(gone, true, london("2026-01-15T12:00")).action()).isEqualTo(Action.SUPPRESS);
        assertThat(RecipientPolicy.decide(gone, false, london("2026-01-15T12:00")).action()).isEqualTo(Action.SUPPRESS);
    }

    @Test
    void quietHoursAcrossTheSpringForwardNightEndAtSevenSummerTime() {
        // Europe/London, 29 March 2026: 01:00 GMT becomes 02:00 BST, so this night is an hour shorter.
        Decision decision = RecipientPolicy.decide(quiet("22:00", "07:00"), false, Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(decision.until()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void quietHoursEndingInTheSkippedHourEndWhenTheClockWouldHaveShownIt() {
        // 01:30 does not exist on 29 March 2026 in London; it is read as 02:30 BST, the same instant as 01:30 GMT.
        Decision decision = RecipientPolicy.decide(quiet("00:30", "01:30"), false, Instant.parse("2026-03-29T00:45:00Z"));
        assertThat(decision.until()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void quietHoursEndingInTheRepeatedHourEndAtTheNextTimeTheClockShowsTheirEnd() {
        // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:00-02:00 happens twice.
        RecipientSettings settings = quiet("00:00", "01:30");
        assertThat(RecipientPolicy.decide(settings, false, Instant.parse("2026-10-25T00:15:00Z")).until())
                .as("01:15 BST, the first time round").isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(RecipientPolicy.decide(settings, false, Instant.parse("2026-10-25T01:15:00Z")).until())
                .as("01:15 GMT, the second time round").isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void quietHoursAcrossTheFallBackNightEndAtSevenWinterTime() {
        Decision decision = RecipientPolicy.decide(quiet("22:00", "07:00"), false, Instant.parse("2026-10-24T21:30:00Z"));
        assertThat(decision.until()).isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void quietHoursThatStartAndEndAtOnceAreRefused() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0), LocalTime.of(22, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digestIsDueAtSevenWithoutQuietHours() {
        assertThat(RecipientPolicy.digestDay(london("2026-01-15T06:59"), LONDON, null, SEVEN)).isEmpty();
        assertThat(RecipientPolicy.digestDay(london("2026-01-15T07:00"), LONDON, null, SEVEN))
                .contains(LocalDate.parse("2026-01-15"));
        assertThat(RecipientPolicy.digestDay(london("2026-01-15T23:59"), LONDON, null, SEVEN))
                .contains(LocalDate.parse("2026-01-15"));
        assertThat(RecipientPolicy.digestDay(london("2026-01-16T00:30"), LONDON, null, SEVEN))
                .as("not yesterday's again after midnight").isEmpty();
    }

    @Test
    void digestIsDueAtSevenLocalOnTheSpringForwardDay() {
        assertThat(RecipientPolicy.digestDueAt(LocalDate.parse("2026-03-29"), LONDON, null, SEVEN))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @ParameterizedTest(name = "quiet {0}-{1}: the digest of 15 January is due at {2}")
    @CsvSource({
            "22:00, 08:30, 2026-01-15T08:30",
            "06:00, 09:00, 2026-01-15T09:00",
            "05:00, 07:00, 2026-01-15T07:00",
            "07:01, 08:00, 2026-01-15T07:00",
            "22:00, 06:00, 2026-01-15T07:00",
            "06:00, 02:00, 2026-01-16T02:00",
    })
    void digestWhoseSevenOClockFallsInQuietHoursWaitsForTheirEnd(String from, String to, String due) {
        QuietHours quiet = new QuietHours(LocalTime.parse(from), LocalTime.parse(to));
        assertThat(RecipientPolicy.digestDueAt(LocalDate.parse("2026-01-15"), LONDON, quiet, SEVEN)).isEqualTo(london(due));
    }

    @Test
    void digestHeldPastMidnightGoesOutForTheDayItBelongsTo() {
        QuietHours quiet = new QuietHours(LocalTime.of(6, 0), LocalTime.of(2, 0));
        assertThat(RecipientPolicy.digestDay(london("2026-01-15T23:00"), LONDON, quiet, SEVEN))
                .as("14 January's, due at 02:00 on the 15th").contains(LocalDate.parse("2026-01-14"));
        assertThat(RecipientPolicy.digestDay(london("2026-01-16T01:59"), LONDON, quiet, SEVEN))
                .as("the 15th's is not due yet; anything waiting goes in it").isEmpty();
        assertThat(RecipientPolicy.digestDay(london("2026-01-16T02:00"), LONDON, quiet, SEVEN))
                .contains(LocalDate.parse("2026-01-15"));
    }

    @Test
    void digestQuietHoursEndingAtEightHoldItUntilEight() {
        QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));
        assertThat(RecipientPolicy.digestDay(london("2026-01-15T07:00"), LONDON, quiet, SEVEN)).isEmpty();
        assertThat(RecipientPolicy.digestDay(london("2026-01-15T07:59"), LONDON, quiet, SEVEN)).isEmpty();
        assertThat(RecipientPolicy.digestDay(london("2026-01-15T08:00"), LONDON, quiet, SEVEN))
                .contains(LocalDate.parse("2026-01-15"));
    }

    @Test
    void digestOffOrUnsubscribedSuppressesTheDigestWarnings() {
        assertThat(RecipientPolicy.decideDigest(new RecipientSettings(false, false, null, LONDON)).action())
                .isEqualTo(Action.SUPPRESS);
        assertThat(RecipientPolicy.decideDigest(new RecipientSettings(true, true, null, LONDON)).action())
                .isEqualTo(Action.SUPPRESS);
        assertThat(RecipientPolicy.decideDigest(new RecipientSettings(false, true, null, LONDON)).action())
                .isEqualTo(Action.SEND);
    }
}
