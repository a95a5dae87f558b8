package io.rebound.notification.email.words;

import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.Phase;
import java.time.LocalDate;

/**
 * Everything an email says that is worked out in code rather than written in a template: subjects, amounts with
 * their units, and the sentences that depend on the alert. One implementation per language, beside that language's
 * templates under {@code templates/email/<language>/}; {@link English} is the first.
 */
public interface Wording {

    /** The language's code, also the folder of its templates, e.g. {@code en}. */
    String language();

    /** The runner's subject ("Rebound: ease off — a run on day 2 of your rest phase"), or the PT's. */
    String alertSubject(boolean toPt, OverloadAlertRaised alert, String runnerName);

    /** The subject of the note that an alert no longer applies, from the alert email's own subject. */
    String withdrawalSubject(String alertSubject);

    /** The subject of a PT's daily digest. */
    String digestSubject(int warnings, LocalDate date);

    /** A local date written out, e.g. "Tuesday 3 November 2026". */
    String date(LocalDate date);

    /** The tipping activity in a few words, e.g. "a 3.11 mi run". */
    String activity(OverloadAlertRaised alert);

    /** The sport of the tipping activity, e.g. "run", "trail run". */
    String sport(OverloadAlertRaised alert);

    /** A duration in whole minutes, e.g. "32 min". */
    String duration(long seconds);

    String distance(double metres, DistanceUnit unit);

    /** A limit or an actual value of the alert, e.g. "3 run days", "9.66 km", "a load ratio of 1.42". */
    String amount(Quantity quantity, double value, DistanceUnit unit);

    /** What the plan allows against what the runner reached, as a sentence. */
    String allowance(OverloadAlertRaised alert);

    /** Why the phase's caps matter, in one or two plain sentences. */
    String whyItMatters(Phase phase);

    /** What to do today: from the allowance the alert carries for the runner's date, else from the phase alone. */
    String whatToDoToday(OverloadAlertRaised alert);

    /** The phase's name, e.g. "Rest". */
    String phaseTitle(Phase phase);

    /** The phase with its days, e.g. "Rest, days 1-3". */
    String phaseDescription(Phase phase);

    /** The heading of the window's chart, e.g. "Reintroduce, days 8-14". */
    String chartHeading(Phase phase, int firstDay, int lastDay);
}
