package io.rebound.activity.fetch;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Work for a provider's API: one activity to fetch from a provider that only notified us of it ({@link #ACTIVITY}),
 * one page of Strava's activity list ({@link #STRAVA_PAGE}) or one window of Garmin's backfill
 * ({@link #GARMIN_BACKFILL}), the last two queued by a connect.
 */
@Entity
@Table(name = "fetch_job")
public class FetchJob extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String UNLINKED = "UNLINKED";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    public static final String ACTIVITY = "activity";
    public static final String STRAVA_PAGE = "strava-page";
    public static final String GARMIN_BACKFILL = "garmin-backfill";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String provider;

    @Column(name = "provider_user_id", nullable = false)
    public String providerUserId;

    @Column(name = "provider_activity_id", nullable = false)
    public String providerActivityId;

    /** Polar names the exercise by URL. */
    public String url;

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public String kind = ACTIVITY;

    /** Queued by a connect's backfill (directly, or by a backfill page that listed the activity). */
    @Column(nullable = false)
    public boolean backfill;

    /** Strava page: activities after this; Garmin backfill: the window's start. */
    @Column(name = "window_start")
    public Instant windowStart;

    /** Garmin backfill: the window's end. */
    @Column(name = "window_end")
    public Instant windowEnd;

    /** Strava page: which page of the list, from 1. */
    public Integer page;
}
