package io.rebound.activity.ingest;

import io.rebound.events.Sport;
import java.util.Locale;
import java.util.Map;

/**
 * Every provider's activity types mapped onto Rebound's sports (and so onto DOMAIN.md's kinds: run,
 * cross-training, walk, other). A type not listed is {@link Sport#OTHER}: stored and shown, checked by no cap.
 * The README's "Sport mapping" table is this class in prose.
 */
public final class ProviderSports {

    private static final Map<String, Sport> STRAVA = Map.ofEntries(
            Map.entry("run", Sport.RUN), Map.entry("trailrun", Sport.TRAIL_RUN), Map.entry("virtualrun", Sport.TREADMILL_RUN),
            Map.entry("walk", Sport.WALK), Map.entry("hike", Sport.HIKE),
            Map.entry("ride", Sport.RIDE), Map.entry("virtualride", Sport.RIDE), Map.entry("ebikeride", Sport.RIDE),
            Map.entry("gravelride", Sport.RIDE), Map.entry("mountainbikeride", Sport.RIDE),
            Map.entry("swim", Sport.SWIM), Map.entry("elliptical", Sport.ELLIPTICAL), Map.entry("rowing", Sport.ROW),
            Map.entry("virtualrow", Sport.ROW), Map.entry("yoga", Sport.YOGA), Map.entry("pilates", Sport.PILATES),
            Map.entry("weighttraining", Sport.STRENGTH), Map.entry("crossfit", Sport.STRENGTH));

    private static final Map<String, Sport> GARMIN = Map.ofEntries(
            Map.entry("running", Sport.RUN), Map.entry("street_running", Sport.RUN), Map.entry("trail_running", Sport.TRAIL_RUN),
            Map.entry("treadmill_running", Sport.TREADMILL_RUN), Map.entry("indoor_running", Sport.TREADMILL_RUN),
            Map.entry("track_running", Sport.TRACK_RUN), Map.entry("walking", Sport.WALK), Map.entry("hiking", Sport.HIKE),
            Map.entry("cycling", Sport.RIDE), Map.entry("road_biking", Sport.RIDE), Map.entry("indoor_cycling", Sport.RIDE),
            Map.entry("mountain_biking", Sport.RIDE), Map.entry("lap_swimming", Sport.SWIM),
            Map.entry("open_water_swimming", Sport.SWIM), Map.entry("elliptical", Sport.ELLIPTICAL),
            Map.entry("indoor_rowing", Sport.ROW), Map.entry("rowing", Sport.ROW), Map.entry("yoga", Sport.YOGA),
            Map.entry("pilates", Sport.PILATES), Map.entry("strength_training", Sport.STRENGTH));

    private static final Map<String, Sport> POLAR = Map.ofEntries(
            Map.entry("running", Sport.RUN), Map.entry("trail_running", Sport.TRAIL_RUN),
            Map.entry("treadmill_running", Sport.TREADMILL_RUN), Map.entry("track_and_field_running", Sport.TRACK_RUN),
            Map.entry("walking", Sport.WALK), Map.entry("hiking", Sport.HIKE), Map.entry("cycling", Sport.RIDE),
            Map.entry("road_biking", Sport.RIDE), Map.entry("mountain_biking", Sport.RIDE),
            Map.entry("indoor_cycling", Sport.RIDE), Map.entry("swimming", Sport.SWIM), Map.entry("pool_swimming", Sport.SWIM),
            Map.entry("elliptical_trainer", Sport.ELLIPTICAL), Map.entry("rowing", Sport.ROW),
            Map.entry("indoor_rowing", Sport.ROW), Map.entry("yoga", Sport.YOGA), Map.entry("pilates", Sport.PILATES),
            Map.entry("strength_training", Sport.STRENGTH));

    /** FIT's sport enum names (as the FIT SDK spells them) and GPX/TCX sport strings. */
    private static final Map<String, Sport> FILE = Map.ofEntries(
            Map.entry("running", Sport.RUN), Map.entry("run", Sport.RUN), Map.entry("walking", Sport.WALK),
            Map.entry("walk", Sport.WALK), Map.entry("hiking", Sport.HIKE), Map.entry("cycling", Sport.RIDE),
            Map.entry("biking", Sport.RIDE), Map.entry("ride", Sport.RIDE), Map.entry("swimming", Sport.SWIM),
            Map.entry("rowing", Sport.ROW), Map.entry("fitness_equipment", Sport.ELLIPTICAL),
            Map.entry("training", Sport.STRENGTH));

    private ProviderSports() {
    }

    /** The sport for a provider's type name, compared without case, spaces, dashes or underscores where they vary. */
    public static Sport map(Provider provider, String type) {
        if (type == null) {
            return Sport.OTHER;
        }
        String key = type.trim().toLowerCase(Locale.ROOT);
        Map<String, Sport> table = switch (provider) {
            case STRAVA -> STRAVA;
            case GARMIN -> GARMIN;
            case POLAR -> POLAR;
            case FILE -> FILE;
            case API, WEBHOOK -> Map.of();
        };
        if (provider == Provider.STRAVA) {
            key = key.replace("_", "").replace(" ", "");
        } else {
            key = key.replace(' ', '_').replace('-', '_');
        }
        Sport sport = table.get(key);
        if (sport != null) {
            return sport;
        }
        if (provider == Provider.API || provider == Provider.WEBHOOK) {
            try {
                return Sport.fromCode(key);
            } catch (IllegalArgumentException unknown) {
                return Sport.OTHER;
            }
        }
        return Sport.OTHER;
    }
}
