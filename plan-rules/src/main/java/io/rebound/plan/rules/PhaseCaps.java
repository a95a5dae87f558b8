package io.rebound.plan.rules;

/**
 * The caps of one phase window (docs/domain.md "Caps per phase"). A null cap is no cap. Distances in metres, shares
 * of the peak week as fractions (0.2 = 20%).
 *
 * @param runningAllowed              false in REST and RECOVER: any run is an OVERLOAD
 * @param runDaysSoft                 more distinct run days than this is a WARNING
 * @param runDaysHard                 more distinct run days than this is an OVERLOAD
 * @param singleRunMetres             the single-run cap
 * @param singleRunCapReached         true when reaching the cap already crosses it ("10 mi or more"), false when
 *                                    only going over it does ("over 6 mi")
 * @param volumeSoftShare             phase volume above this share of the peak week is a WARNING
 * @param volumeHardShare             phase volume above this share of the peak week is an OVERLOAD
 * @param runIntensityMax             the hardest run intensity allowed; harder is a WARNING
 * @param stridesAllowed              false before REBUILD: strides are a WARNING
 * @param crossTrainingAllowed        false in REST: any session (walks exempt) is a WARNING
 * @param crossTrainingDaysMax        more cross-training days than this is a WARNING
 * @param crossTrainingSessionMinutes a session longer than this is a WARNING
 * @param crossTrainingIntensityMax   the hardest cross-training intensity allowed; harder is a WARNING
 * @param deepMassageAdvisory         true in REST: a deep-tissue massage gets an ADVISORY
 */
public record PhaseCaps(
        Boolean runningAllowed,
        Integer runDaysSoft,
        Integer runDaysHard,
        Double singleRunMetres,
        Boolean singleRunCapReached,
        Double volumeSoftShare,
        Double volumeHardShare,
        Intensity runIntensityMax,
        Boolean stridesAllowed,
        Boolean crossTrainingAllowed,
        Integer crossTrainingDaysMax,
        Integer crossTrainingSessionMinutes,
        Intensity crossTrainingIntensityMax,
        Boolean deepMassageAdvisory) {

    /** These caps with every non-null value of {@code patch} laid over them. */
    public PhaseCaps with(PhaseCaps patch) {
        if (patch == null) {
            return this;
        }
        // Lowering a hard cap below the soft one (an injured runner's "hard volume 15%") brings the soft cap down with it.
        Integer softDays = pick(patch.runDaysSoft, runDaysSoft);
        Integer hardDays = pick(patch.runDaysHard, runDaysHard);
        if (patch.runDaysSoft == null && softDays != null && hardDays != null && softDays > hardDays) {
            softDays = hardDays;
        }
        Double softShare = pick(patch.volumeSoftShare, volumeSoftShare);
        Double hardShare = pick(patch.volumeHardShare, volumeHardShare);
        if (patch.volumeSoftShare == null && softShare != null && hardShare != null && softShare > hardShare) {
            softShare = hardShare;
        }
        return new PhaseCaps(
                pick(patch.runningAllowed, runningAllowed),
                softDays,
                hardDays,
                pick(patch.singleRunMetres, singleRunMetres),
                pick(patch.singleRunCapReached, singleRunCapReached),
                softShare,
                hardShare,
                pick(patch.runIntensityMax, runIntensityMax),
                pick(patch.stridesAllowed, stridesAllowed),
                pick(patch.crossTrainingAllowed, crossTrainingAllowed),
                pick(patch.crossTrainingDaysMax, crossTrainingDaysMax),
                pick(patch.crossTrainingSessionMinutes, crossTrainingSessionMinutes),
                pick(patch.crossTrainingIntensityMax, crossTrainingIntensityMax),
                pick(patch.deepMassageAdvisory, deepMassageAdvisory));
    }

    boolean running() {
        return !Boolean.FALSE.equals(runningAllowed);
    }

    boolean strides() {
        return !Boolean.FALSE.equals(stridesAllowed);
    }

    boolean crossTraining() {
        return !Boolean.FALSE.equals(crossTrainingAllowed);
    }

    static <T> T pick(T override, T current) {
        return override != null ? override : current;
    }
}
