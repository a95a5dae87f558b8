package io.rebound.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.events.ActivityKind;
import io.rebound.events.Sport;
import org.junit.jupiter.api.Test;

class ProviderSportsTest {

    @Test
    void eachProvidersRunningTypesAreRuns() {
        assertThat(ProviderSports.map(Provider.STRAVA, "TrailRun")).isEqualTo(Sport.TRAIL_RUN);
        assertThat(ProviderSports.map(Provider.STRAVA, "VirtualRun").kind()).isEqualTo(ActivityKind.RUN);
        assertThat(ProviderSports.map(Provider.GARMIN, "TREADMILL_RUNNING")).isEqualTo(Sport.TREADMILL_RUN);
        assertThat(ProviderSports.map(Provider.POLAR, "RUNNING")).isEqualTo(Sport.RUN);
        assertThat(ProviderSports.map(Provider.FILE, "Running")).isEqualTo(Sport.RUN);
    }

    @Test
    void walksAndCrossTrainingMapToTheirKinds() {
        assertThat(ProviderSports.map(Provider.STRAVA, "Walk").kind()).isEqualTo(ActivityKind.WALK);
        assertThat(ProviderSports.map(Provider.GARMIN, "indoor_cycling").kind()).isEqualTo(ActivityKind.CROSS_TRAINING);
        assertThat(ProviderSports.map(Provider.STRAVA, "WeightTraining")).isEqualTo(Sport.STRENGTH);
    }

    @Test
    void unknownTypesAreOtherAndOurOwnCodesPassThroughForApps() {
        assertThat(ProviderSports.map(Provider.STRAVA, "Kitesurf")).isEqualTo(Sport.OTHER);
        assertThat(ProviderSports.map(Provider.GARMIN, null)).isEqualTo(Sport.OTHER);
        assertThat(ProviderSports.map(Provider.WEBHOOK, "trail_run")).isEqualTo(Sport.TRAIL_RUN);
        assertThat(ProviderSports.map(Provider.WEBHOOK, "quidditch")).isEqualTo(Sport.OTHER);
    }

    @Test
    void fitSubSportsNameTheRunAndTheMachine() {
        assertThat(ProviderSports.fit("RUNNING", "TREADMILL")).isEqualTo(Sport.TREADMILL_RUN);
        assertThat(ProviderSports.fit("running", "indoor_running")).isEqualTo(Sport.TREADMILL_RUN);
        assertThat(ProviderSports.fit("RUNNING", "TRAIL")).isEqualTo(Sport.TRAIL_RUN);
        assertThat(ProviderSports.fit("RUNNING", "TRACK")).isEqualTo(Sport.TRACK_RUN);
        assertThat(ProviderSports.fit("RUNNING", "OBSTACLE").kind()).as("any running is a run").isEqualTo(ActivityKind.RUN);
        assertThat(ProviderSports.fit("RUNNING", null)).isEqualTo(Sport.RUN);
        assertThat(ProviderSports.fit("FITNESS_EQUIPMENT", "INDOOR_ROWING")).isEqualTo(Sport.ROW);
        assertThat(ProviderSports.fit("FITNESS_EQUIPMENT", "ELLIPTICAL")).isEqualTo(Sport.ELLIPTICAL);
        assertThat(ProviderSports.fit("FITNESS_EQUIPMENT", "INDOOR_CYCLING")).isEqualTo(Sport.RIDE);
        assertThat(ProviderSports.fit("FITNESS_EQUIPMENT", "TREADMILL")).isEqualTo(Sport.TREADMILL_RUN);
        assertThat(ProviderSports.fit("FITNESS_EQUIPMENT", "GENERIC").kind()).isEqualTo(ActivityKind.CROSS_TRAINING);
        assertThat(ProviderSports.fit("TRAINING", "PILATES")).isEqualTo(Sport.PILATES);
        assertThat(ProviderSports.fit("TRAINING", null)).isEqualTo(Sport.STRENGTH);
        assertThat(ProviderSports.fit("CYCLING", "MOUNTAIN")).isEqualTo(Sport.RIDE);
        assertThat(ProviderSports.fit("WALKING", "CASUAL_WALKING")).isEqualTo(Sport.WALK);
        assertThat(ProviderSports.fit("SAILING", "GENERIC")).isEqualTo(Sport.OTHER);
    }

    @Test
    void gpxTypesOfStravaGarminAndPlainWords() {
        assertThat(ProviderSports.gpxType("9")).contains(Sport.RUN);
        assertThat(ProviderSports.gpxType("1")).contains(Sport.RIDE);
        assertThat(ProviderSports.gpxType("10")).contains(Sport.WALK);
        assertThat(ProviderSports.gpxType("trail_running")).contains(Sport.TRAIL_RUN);
        assertThat(ProviderSports.gpxType("treadmill_running")).contains(Sport.TREADMILL_RUN);
        assertThat(ProviderSports.gpxType("road_biking")).contains(Sport.RIDE);
        assertThat(ProviderSports.gpxType("TrailRun")).as("Strava's sport type word").contains(Sport.TRAIL_RUN);
        assertThat(ProviderSports.gpxType("Running")).contains(Sport.RUN);
        assertThat(ProviderSports.gpxType("Kitesurf")).contains(Sport.OTHER);
        assertThat(ProviderSports.gpxType("77")).as("not one of Strava's numbers").isEmpty();
        assertThat(ProviderSports.gpxType(" ")).isEmpty();
        assertThat(ProviderSports.gpxType(null)).isEmpty();
    }
}
