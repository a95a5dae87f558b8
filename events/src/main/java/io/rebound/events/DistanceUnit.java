package io.rebound.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The unit a runner reads distances in. Everything inside Rebound is metres; units exist only at the edges. */
public enum DistanceUnit {
    KM(1000.0),
    MI(1609.344);

    private final double metres;

    DistanceUnit(double metres) {
        this.metres = metres;
    }

    public double toMetres(double amount) {
        return amount * metres;
    }

    public double fromMetres(double distanceMetres) {
        return distanceMetres / metres;
    }

    /** A distance in this unit with two decimals, e.g. {@code 5.00 km}. */
    public String format(double distanceMetres) {
        return String.format(Locale.ROOT, "%.2f %s", fromMetres(distanceMetres), code());
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DistanceUnit fromCode(String code) {
        for (DistanceUnit unit : values()) {
            if (unit.code().equalsIgnoreCase(code)) {
                return unit;
            }
        }
        throw new IllegalArgumentException("unknown distance unit '" + code + "', expected km or mi");
    }
}
