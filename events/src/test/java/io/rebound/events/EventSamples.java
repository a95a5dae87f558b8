package io.rebound.events;

import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.OverloadAlertRaised.TippingActivity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

final class EventSamples {

    static final OffsetDateTime START = OffsetDateTime.parse("2026-11-03T07:15:00-06:00");

    private EventSamples() {
    }

    static ActivityRecorded activity() {
        return new ActivityRecorded(UUID.randomUUID(), "runner-1", Sport.RUN, START, 1800, 5000.0, 4, null,
                Instant.parse("2026-11-03T13:20:00Z"), true, null);
    }

    static ActivityCorrected corrected() {
        return new ActivityCorrected(activity(), Instant.parse("2026-11-03T15:00:00Z"));
    }

    static ActivityDeleted deleted() {
        return new ActivityDeleted(UUID.randomUUID(), "runner-1", Instant.parse("2026-11-03T15:00:00Z"));
    }

    static AlertWithdrawn withdrawn() {
        return new AlertWithdrawn(UUID.randomUUID(), UUID.randomUUID(), "runner-1", "NO_RUNNING_BEFORE_DAY_8",
                "no running in days 1-7", Severity.OVERLOAD, Phase.REST, "the run of 3 November was deleted",
                Instant.parse("2026-11-03T15:00:01Z"));
    }

    static AlertAcknowledged acknowledged() {
        return new AlertAcknowledged(UUID.randomUUID(), UUID.randomUUID(), "runner-1", Severity.WARNING, "pt-lee",
                "Spoke to Ana; she will rest until Friday.", Instant.parse("2026-11-04T08:30:00Z"));
    }

    static DeliveryFailed deliveryFailed() {
        return new DeliveryFailed(UUID.randomUUID(), UUID.randomUUID(), "runner-1", "PT", "ALERT",
                DeliveryFailed.Reason.RETRY_WINDOW_OVER, 61, Instant.parse("2026-11-03T13:20:02Z"),
                Instant.parse("2026-11-04T13:20:02Z"), "SMTPException: 451 4.3.0 mailbox temporarily unavailable");
    }

    static PlanChanged plan() {
        return new PlanChanged(UUID.randomUUID(), "runner-1", LocalDate.parse("2026-11-01"), "America/Chicago",
                80467.2, DistanceUnit.MI, new PlanChanged.Contact("Ana Runner", "ana@example.org"),
                new PlanChanged.Contact("Dr. Lee", "lee@clinic.example.org"), Instant.parse("2026-11-01T20:00:00Z"),
                false);
    }

    static OverloadAlertRaised alert() {
        ActivityRecorded activity = activity();
        return new OverloadAlertRaised(UUID.randomUUID(), UUID.randomUUID(), "runner-1", "NO_RUNNING_BEFORE_DAY_8",
                "no running in days 1-7", Severity.OVERLOAD, Phase.REST, 2, LocalDate.parse("2026-11-03"),
                Quantity.RUNS, 0, 1, DistanceUnit.MI,
                new TippingActivity(activity.activityId(), activity.sport(), activity.startTime(),
                        activity.durationSeconds(), activity.distanceMetres()),
                activity.acceptedAt(), Instant.parse("2026-11-03T13:20:01Z"));
    }

    /** An alert carrying today's allowance and its window's running, as plan-service raises them. */
    static OverloadAlertRaised alertWithGuidance() {
        OverloadAlertRaised plain = alert();
        return new OverloadAlertRaised(plain.alertId(), plain.planId(), plain.runnerId(), "RUN_DAYS", "at most 3 run days",
                Severity.WARNING, Phase.REINTRODUCE, 12, LocalDate.parse("2026-11-13"), Quantity.RUN_DAYS, 3, 4,
                DistanceUnit.MI, plain.activity(), plain.activityAcceptedAt(), plain.raisedAt(),
                new OverloadAlertRaised.TodayAllowance(LocalDate.parse("2026-11-13"), 12, Phase.REINTRODUCE, true,
                        0.0, 0, 3200.0, false, true, 40, 2),
                new OverloadAlertRaised.WindowRunning(8, 14, java.util.List.of(3000.0, 0.0, 4800.0, 0.0, 5000.0, 0.0, 0.0),
                        9656.0, 16093.4, 20116.8));
    }
}
