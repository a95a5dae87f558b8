package io.rebound.notification.email.words;

import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The emails' words in English: supportive to the runner, plain and exact to the PT. */
public final class English implements Wording {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final String PREFIX = "Rebound: ";

    @Override
    public String language() {
        return "en";
    }

    @Override
    public String alertSubject(boolean toPt, OverloadAlertRaised alert, String runnerName) {
        if (toPt) {
            return PREFIX + "%s — %s on day %d (%s)".formatted(runnerName, alert.severity(), alert.day(),
                    phaseTitle(alert.phase()));
        }
        String opening = alert.severity() == Severity.OVERLOAD ? "ease off" : "a gentle heads-up";
        return PREFIX + "%s — a %s on day %d%s".formatted(opening, sport(alert), alert.day(), ofPhase(alert.phase()));
    }

    @Override
    public String withdrawalSubject(String alertSubject) {
        String rest = alertSubject.startsWith(PREFIX) ? alertSubject.substring(PREFIX.length()) : alertSubject;
        return PREFIX + "no longer applies — " + rest;
    }

    @Override
    public String digestSubject(int warnings, LocalDate date) {
        return PREFIX + plural(warnings, "warning") + " for your runners, " + date(date);
    }

    @Override
    public String date(LocalDate date) {
        return date.format(DATE);
    }

    @Override
    public String activity(OverloadAlertRaised alert) {
        OverloadAlertRaised.TippingActivity activity = alert.activity();
        if (activity.distanceMetres() > 0) {
            String distance = distance(activity.distanceMetres(), alert.distanceUnit());
            return article(distance) + " " + distance + " " + sport(alert);
        }
        String duration = duration(activity.durationSeconds());
        return article(duration) + " " + duration + " " + sport(alert) + " session";
    }

    @Override
    public String sport(OverloadAlertRaised alert) {
        return alert.activity().sport().code().replace('_', ' ');
    }

    @Override
    public String duration(long seconds) {
        return Math.round(seconds / 60.0) + " min";
    }

    @Override
    public String distance(double metres, DistanceUnit unit) {
        return unit.format(metres);
    }

    @Override
    public String amount(Quantity quantity, double value, DistanceUnit unit) {
        long whole = Math.round(value);
        return switch (quantity) {
            case RUNS -> whole == 0 ? "no runs" : plural(whole, "run");
            case RUN_DAYS -> whole == 0 ? "no run days" : plural(whole, "run day");
            case METRES -> distance(value, unit);
            case SECONDS -> duration(whole);
            case DAYS -> plural(whole, "day");
            case RATIO -> String.format(Locale.ROOT, "a load ratio of %.2f", value);
            case SESSIONS -> whole == 0 ? "no sessions" : plural(whole, "session");
            case INTENSITY -> intensity(whole);
        };
    }

    @Override
    public String allowance(OverloadAlertRaised alert) {
        boolean noRunningYet = alert.quantity() == Quantity.RUNS && alert.limit() == 0
                && (alert.phase() == Phase.REST || alert.phase() == Phase.RECOVER);
        if (noRunningYet) {
            return "Your plan allows no running until day %d.".formatted(Phase.REINTRODUCE.firstDay());
        }
        DistanceUnit unit = alert.distanceUnit();
        return "Your plan allows %s here (%s); this brought you to %s.".formatted(
                amount(alert.quantity(), alert.limit(), unit), alert.ruleText(),
                amount(alert.quantity(), alert.actual(), unit));
    }

    @Override
    public String whyItMatters(Phase phase) {
        return switch (phase) {
            case PRE_PLAN, REST, RECOVER -> "In the days after a marathon your muscles, tendons and bones are still"
                    + " repairing, even when your legs feel ready. A calm first week is what lets you come back strong.";
            case REINTRODUCE, REBUILD, RESUME -> "Fitness comes back faster than tendons and bones adapt, so load that"
                    + " climbs quickly can outpace them. Small, steady steps keep a niggle from becoming an injury.";
            case COMPLETE -> "Load that jumps faster than your body is used to is one of the most common routes to a"
                    + " running injury, even after a full recovery.";
        };
    }

    @Override
    public String whatToDoToday(OverloadAlertRaised alert) {
        return TodayAdvice.of(alert);
    }

    @Override
    public String phaseTitle(Phase phase) {
        return phase.title();
    }

    @Override
    public String phaseDescription(Phase phase) {
        return phase.describe();
    }

    @Override
    public String chartHeading(Phase phase, int firstDay, int lastDay) {
        return phase == Phase.COMPLETE
                ? "Days %d-%d".formatted(firstDay, lastDay)
                : "%s, days %d-%d".formatted(phaseTitle(phase), firstDay, lastDay);
    }

    private String ofPhase(Phase phase) {
        return phase == Phase.PRE_PLAN || phase == Phase.COMPLETE
                ? ""
                : " of your " + phaseTitle(phase).toLowerCase(Locale.ROOT) + " phase";
    }

    /** The event counts intensity as EASY = 0, MODERATE = 1, HARD = 2. */
    private static String intensity(long level) {
        if (level <= 0) {
            return "easy effort";
        }
        return level == 1 ? "moderate effort" : "hard effort";
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** "an" before numbers said with a vowel sound (8, 11, 18, 80-89 ...), "a" otherwise. */
    private static String article(String amount) {
        String whole = amount.split("[. ]", 2)[0];
        return whole.startsWith("8") || whole.equals("11") || whole.equals("18") ? "an" : "a";
    }
}
