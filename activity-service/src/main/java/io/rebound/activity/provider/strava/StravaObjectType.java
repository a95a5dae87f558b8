package io.rebound.activity.provider.strava;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a Strava webhook event is about: an activity, or the athlete (who may have revoked our access). */
public enum StravaObjectType {
    ACTIVITY,
    ATHLETE;

    /** The wire form, as Strava sends it in {@code object_type}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StravaObjectType fromCode(String code) {
        for (StravaObjectType type : values()) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("object_type '" + code + "' is unknown, expected one of "
                + Arrays.stream(values()).map(StravaObjectType::code).collect(Collectors.joining(", ")));
    }
}
