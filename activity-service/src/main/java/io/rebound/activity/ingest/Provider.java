package io.rebound.activity.ingest;

import java.util.Locale;

/** Where an activity came from. */
public enum Provider {
    /** Typed in or posted by the runner's app through {@code POST /api/v1/activities}. */
    API,
    STRAVA,
    GARMIN,
    POLAR,
    /** Any other app, through the signed generic webhook. */
    WEBHOOK,
    /** An uploaded FIT, GPX or TCX file. */
    FILE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
