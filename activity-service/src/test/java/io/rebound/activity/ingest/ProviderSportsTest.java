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
}
