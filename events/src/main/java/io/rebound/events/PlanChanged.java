package io.rebound.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The current plan of a runner, with who to tell. Key: runnerId, on the compacted {@code plans} topic,
 * so the latest record per runner is the runner's plan and contacts.
 *
 * @param timeZone       IANA zone id of the runner, e.g. {@code America/Chicago}
 * @param peakWeekMetres the runner's highest 7-day running distance in the marathon block
 * @param distanceUnit   the unit the runner reads distances in
 * @param injured        true when the PT marked the runner injured: the PT then hears every WARNING at once
 */
public record PlanChanged(
        UUID planId,
        String runnerId,
        LocalDate raceDate,
        String timeZone,
        double peakWeekMetres,
        DistanceUnit distanceUnit,
        Contact runner,
        Contact physicalTherapist,
        Instant changedAt,
        Boolean injured) {

    public static final EventType<PlanChanged> TYPE =
            new EventType<>("rebound.plan.changed.v1", PlanChanged.class, "plan-changed-v1.json");

    /**
     * A person who receives email about the runner.
     *
     * @param timeZone the person's own IANA zone when known (a PT's daily digest goes out at 07:00 there)
     * @param id       the PT's id, the subject of their tokens: the one the plan gives, else the one derived from
     *                 their email ({@code io.rebound.support.security.PtIds}); absent on the runner and in records
     *                 written before it existed, where consumers derive it from the email themselves
     */
    public record Contact(String name, String email, String timeZone,
            @JsonInclude(JsonInclude.Include.NON_NULL) String id) {

        public Contact(String name, String email) {
            this(name, email, null, null);
        }

        public Contact(String name, String email, String timeZone) {
            this(name, email, timeZone, null);
        }
    }
}
