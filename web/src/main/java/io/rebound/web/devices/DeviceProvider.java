package io.rebound.web.devices;

import java.util.Arrays;
import java.util.Optional;

/** The providers a runner can connect from the Devices page, by the id the APIs and addresses use. */
public enum DeviceProvider {
    STRAVA("strava", "Strava"),
    POLAR("polar", "Polar"),
    GARMIN("garmin", "Garmin");

    private final String id;
    private final String displayName;

    DeviceProvider(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The provider with this id, exactly as written (the addresses are lower case); empty for anything else. */
    public static Optional<DeviceProvider> of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
