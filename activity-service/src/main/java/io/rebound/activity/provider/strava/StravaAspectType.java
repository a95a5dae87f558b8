package io.rebound.activity.provider.strava;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What happened to the object of a Strava webhook event. */
public enum StravaAspectType {
    CREATE,
    UPDATE,
    DELETE;

    /** The wire form, as Strava sends it in {@code aspect_type}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StravaAspectType fromCode(String code) {
        for (StravaAspectType type : values()) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("aspect_type '" + code + "' is unknown, expected one of "
                + Arrays.stream(values()).map(StravaAspectType::code).collect(Collectors.joining(", ")));
    }
}
