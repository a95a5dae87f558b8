package io.rebound.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sports an activity may be logged as, each mapped onto the plan's activity kinds (docs/domain.md
 * "Activity kinds").
 */
public enum Sport {
    RUN(ActivityKind.RUN),
    TRAIL_RUN(ActivityKind.RUN),
    TREADMILL_RUN(ActivityKind.RUN),
    TRACK_RUN(ActivityKind.RUN),
    WALK(ActivityKind.WALK),
    HIKE(ActivityKind.CROSS_TRAINING),
    RIDE(ActivityKind.CROSS_TRAINING),
    SWIM(ActivityKind.CROSS_TRAINING),
    ELLIPTICAL(ActivityKind.CROSS_TRAINING),
    ROW(ActivityKind.CROSS_TRAINING),
    YOGA(ActivityKind.CROSS_TRAINING),
    PILATES(ActivityKind.CROSS_TRAINING),
    STRENGTH(ActivityKind.CROSS_TRAINING),
    MASSAGE(ActivityKind.MASSAGE),
    OTHER(ActivityKind.OTHER);

    private final ActivityKind kind;

    Sport(ActivityKind kind) {
        this.kind = kind;
    }

    public ActivityKind kind() {
        return kind;
    }

    /** The wire form: lower case with underscores, e.g. {@code trail_run}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Sport fromCode(String code) {
        for (Sport sport : values()) {
            if (sport.code().equals(code)) {
                return sport;
            }
        }
        throw new IllegalArgumentException("unknown sport '" + code + "', expected one of " + codes());
    }

    public static String codes() {
        return Arrays.stream(values()).map(Sport::code).collect(Collectors.joining(", "));
    }
}
