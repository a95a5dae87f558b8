package io.rebound.activity.ingest;

import io.rebound.events.Sport;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every provider's activity types mapped onto Rebound's sports (and so onto the kinds of docs/domain.md
 * "Activity kinds": run, cross-training, walk, other). A type not listed is {@link Sport#OTHER}: stored and shown,
 * checked by no cap.
 * The sport mapping table in docs/devices.md is this class in prose.
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

    /**
     * The numbers Strava's GPX export writes into {@code <trk><type>} (its activity types' old numeric ids; Strava
     * does not publish the list, these are the ones seen in its exports): 1 Ride, 4 Hike, 9 Run, 10 Walk, 16 Swim,
     * 17 VirtualRide, 23 Rowing.
     */
    private static final Map<String, Sport> STRAVA_GPX_NUMBERS = Map.of(
            "1", Sport.RIDE, "4", Sport.HIKE, "9", Sport.RUN, "10", Sport.WALK, "16", Sport.SWIM, "17", Sport.RIDE,
            "23", Sport.ROW);

    /** Garmin's activity type keys: upper case in the Health API's pushes, lower case in Garmin Connect's GPX exports. */
    private static final Map<String, Sport> GARMIN = Map.ofEntries(
            Map.entry("running", Sport.RUN), Map.entry("street_running", Sport.RUN), Map.entry("trail_running", Sport.TRAIL_RUN),
            Map.entry("treadmill_running", Sport.TREADMILL_RUN), Map.entry("indoor_running", Sport.TREADMILL_RUN),
            Map.entry("virtual_run", Sport.TREADMILL_RUN), Map.entry("track_running", Sport.TRACK_RUN),
            Map.entry("obstacle_run", Sport.RUN), Map.entry("ultra_run", Sport.RUN),
            Map.entry("walking", Sport.WALK), Map.entry("casual_walking", Sport.WALK), Map.entry("speed_walking", Sport.WALK),
            Map.entry("hiking", Sport.HIKE),
            Map.entry("cycling", Sport.RIDE), Map.entry("road_biking", Sport.RIDE), Map.entry("indoor_cycling", Sport.RIDE),
            Map.entry("mountain_biking", Sport.RIDE), Map.entry("gravel_cycling", Sport.RIDE), Map.entry("virtual_ride", Sport.RIDE),
            Map.entry("cyclocross", Sport.RIDE), Map.entry("track_cycling", Sport.RIDE), Map.entry("recumbent_cycling", Sport.RIDE),
            Map.entry("lap_swimming", Sport.SWIM), Map.entry("open_water_swimming", Sport.SWIM), Map.entry("swimming", Sport.SWIM),
            Map.entry("elliptical", Sport.ELLIPTICAL), Map.entry("stair_climbing", Sport.ELLIPTICAL),
            Map.entry("indoor_rowing", Sport.ROW), Map.entry("rowing", Sport.ROW), Map.entry("yoga", Sport.YOGA),
            Map.entry("pilates", Sport.PILATES), Map.entry("strength_training", Sport.STRENGTH),
            Map.entry("indoor_cardio", Sport.STRENGTH), Map.entry("hiit", Sport.STRENGTH));

    private static final Map<String, Sport> POLAR = Map.ofEntries(
            Map.entry("running", Sport.RUN), Map.entry("trail_running", Sport.TRAIL_RUN),
            Map.entry("treadmill_running", Sport.TREADMILL_RUN), Map.entry("track_and_field_running", Sport.TRACK_RUN),
            Map.entry("walking", Sport.WALK), Map.entry("hiking", Sport.HIKE), Map.entry("cycling", Sport.RIDE),
            Map.entry("road_biking", Sport.RIDE), Map.entry("mountain_biking", Sport.RIDE),
            Map.entry("indoor_cycling", Sport.RIDE), Map.entry("swimming", Sport.SWIM), Map.entry("pool_swimming", Sport.SWIM),
            Map.entry("elliptical_trainer", Sport.ELLIPTICAL), Map.entry("rowing", Sport.ROW),
            Map.entry("indoor_rowing", Sport.ROW), Map.entry("yoga", Sport.YOGA), Map.entry("pilates", Sport.PILATES),
            Map.entry("strength_training", Sport.STRENGTH));

    /** TCX's Sport attribute and the plain words GPX files use. */
    private static final Map<String, Sport> FILE = Map.ofEntries(
            Map.entry("running", Sport.RUN), Map.entry("run", Sport.RUN), Map.entry("jogging", Sport.RUN),
            Map.entry("treadmill", Sport.TREADMILL_RUN), Map.entry("walking", Sport.WALK),
            Map.entry("walk", Sport.WALK), Map.entry("hiking", Sport.HIKE), Map.entry("cycling", Sport.RIDE),
            Map.entry("biking", Sport.RIDE), Map.entry("ride", Sport.RIDE), Map.entry("swimming", Sport.SWIM),
            Map.entry("rowing", Sport.ROW), Map.entry("fitness_equipment", Sport.ELLIPTICAL),
            Map.entry("training", Sport.STRENGTH));

    /** FIT sports whose sub-sport does not change the kind: every cycling session is a ride, whatever the bike. */
    private static final Map<String, Sport> FIT_SPORT = Map.ofEntries(
            Map.entry("running", Sport.RUN), Map.entry("walking", Sport.WALK), Map.entry("hiking", Sport.HIKE),
            Map.entry("cycling", Sport.RIDE), Map.entry("e_biking", Sport.RIDE), Map.entry("swimming", Sport.SWIM),
            Map.entry("rowing", Sport.ROW), Map.entry("fitness_equipment", Sport.ELLIPTICAL),
            Map.entry("training", Sport.STRENGTH), Map.entry("hiit", Sport.STRENGTH),
            Map.entry("floor_climbing", Sport.ELLIPTICAL));

    /** FIT sub-sports of running that name the surface. */
    private static final Map<String, Sport> FIT_RUNNING = Map.of(
            "treadmill", Sport.TREADMILL_RUN, "indoor_running", Sport.TREADMILL_RUN, "virtual_activity", Sport.TREADMILL_RUN,
            "trail", Sport.TRAIL_RUN, "track", Sport.TRACK_RUN);

    /**
     * FIT sub-sports that say which machine or class a fitness_equipment or training session was; a machine Rebound
     * has no sport for (stair climber, ski machine) counts as elliptical, another cardio machine: the same
     * cross-training caps apply.
     */
    private static final Map<String, Sport> FIT_EQUIPMENT = Map.ofEntries(
            Map.entry("indoor_rowing", Sport.ROW), Map.entry("elliptical", Sport.ELLIPTICAL),
            Map.entry("stair_climbing", Sport.ELLIPTICAL), Map.entry("indoor_skiing", Sport.ELLIPTICAL),
            Map.entry("treadmill", Sport.TREADMILL_RUN), Map.entry("indoor_running", Sport.TREADMILL_RUN),
            Map.entry("indoor_walking", Sport.WALK), Map.entry("indoor_cycling", Sport.RIDE), Map.entry("spin", Sport.RIDE),
            Map.entry("strength_training", Sport.STRENGTH), Map.entry("cardio_training", Sport.STRENGTH),
            Map.entry("hiit", Sport.STRENGTH), Map.entry("yoga", Sport.YOGA), Map.entry("pilates", Sport.PILATES),
            Map.entry("flexibility_training", Sport.YOGA));

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
            key = stravaKey(key);
        } else {
            key = underscored(key);
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

    /**
     * A FIT session's sport from its {@code sport} and {@code sub_sport} fields, as the FIT SDK names them (any case).
     * Running stays a run whatever its sub-sport (treadmill, trail and track runs get their own run sport);
     * fitness_equipment, training and rowing are told apart by their sub-sport (indoor rowing is a row, not an
     * elliptical session).
     */
    public static Sport fit(String sport, String subSport) {
        if (sport == null) {
            return Sport.OTHER;
        }
        String main = underscored(sport.trim().toLowerCase(Locale.ROOT));
        String sub = subSport == null ? "" : underscored(subSport.trim().toLowerCase(Locale.ROOT));
        return switch (main) {
            case "running" -> FIT_RUNNING.getOrDefault(sub, Sport.RUN);
            case "fitness_equipment", "training" -> FIT_EQUIPMENT.getOrDefault(sub, FIT_SPORT.get(main));
            default -> FIT_SPORT.getOrDefault(main, Sport.OTHER);
        };
    }

    /**
     * A GPX track's {@code <type>}: a plain word (running, cycling), a Garmin Connect type key (trail_running,
     * treadmill_running, road_biking), a Strava sport type (TrailRun), or a number from Strava's GPX export (9 is a
     * run). Empty when the type says nothing Rebound can read: missing, blank, or a number that is not Strava's;
     * the caller then decides from the track itself. A word Rebound does not know is {@link Sport#OTHER}.
     */
    public static Optional<Sport> gpxType(String type) {
        if (type == null || type.isBlank()) {
            return Optional.empty();
        }
        String key = type.trim().toLowerCase(Locale.ROOT);
        if (key.chars().allMatch(Character::isDigit)) {
            return Optional.ofNullable(STRAVA_GPX_NUMBERS.get(key.replaceFirst("^0+(?=.)", "")));
        }
        String underscored = underscored(key);
        Sport sport = FILE.get(underscored);
        if (sport == null) {
            sport = GARMIN.get(underscored);
        }
        if (sport == null) {
            sport = STRAVA.get(stravaKey(key));
        }
        return Optional.of(sport == null ? Sport.OTHER : sport);
    }

    private static String underscored(String key) {
        return key.replace(' ', '_').replace('-', '_');
    }

    private static String stravaKey(String key) {
        return key.replace("_", "").replace(" ", "");
    }
}
