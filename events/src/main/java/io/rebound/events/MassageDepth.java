package io.rebound.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How deep a logged massage went: deep-tissue work in the first days after the race earns an advisory. */
public enum MassageDepth {
    LIGHT,
    DEEP;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MassageDepth fromCode(String code) {
        for (MassageDepth depth : values()) {
            if (depth.code().equalsIgnoreCase(code)) {
                return depth;
            }
        }
        throw new IllegalArgumentException("unknown massage depth '" + code + "', expected light or deep");
    }
}
