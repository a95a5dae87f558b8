package io.rebound.plan.rules;

import io.rebound.events.Phase;
import java.util.EnumMap;
import java.util.Map;

/** Every cap of one runner's plan: one {@link PhaseCaps} per phase of days 1-28, and the after-day-28 thresholds. */
public record Caps(Map<Phase, PhaseCaps> phases, AfterPlanCaps afterPlan) {

    private static final double MILE = 1609.344;

    /**
     * The default template: the table of docs/domain.md "Caps per phase", row by row. A plan copies it when it is
     * made, so a later change here never changes an existing plan.
     */
    public static final Caps TEMPLATE = new Caps(Map.of(
            // REST 1-3: running none (any run OVERLOAD); cross-training none (WARNING, walks exempt); deep massage ADVISORY.
            Phase.REST, new PhaseCaps(false, null, null, null, null, null, null, null, false, false, null, null, null, true),
            // RECOVER 4-7: running none; cross-training more than 3 days, over 40 min, above EASY = WARNING.
            Phase.RECOVER, new PhaseCaps(false, null, null, null, null, null, null, null, false, true, 3, 40,
                    Intensity.EASY, false),
            // REINTRODUCE 8-14: run days soft 3 hard 4; a run over 6 mi OVERLOAD; above EASY, strides WARNING;
            // volume soft 20% hard 25%; cross-training more than 4 days, over 45 min, HARD = WARNING.
            Phase.REINTRODUCE, new PhaseCaps(true, 3, 4, 6 * MILE, false, 0.20, 0.25, Intensity.EASY, false, true, 4, 45,
                    Intensity.MODERATE, false),
            // REBUILD 15-21: run days soft 4 hard 5; a run of 10 mi or more OVERLOAD; HARD WARNING; strides allowed;
            // volume soft 40% hard 50%; cross-training more than 3 days, over 60 min = WARNING.
            Phase.REBUILD, new PhaseCaps(true, 4, 5, 10 * MILE, true, 0.40, 0.50, Intensity.MODERATE, true, true, 3, 60,
                    null, false),
            // RESUME 22-28: volume hard 60%; cross-training more than 3 days, over 60 min = WARNING.
            Phase.RESUME, new PhaseCaps(true, null, null, null, null, null, 0.60, null, true, true, 3, 60, null, false)),
            // After day 28: ACWR > 1.3 WARNING, > 1.5 OVERLOAD; a run 30% longer than the last 30 days' longest WARNING.
            new AfterPlanCaps(1.3, 1.5, 0.30));

    public PhaseCaps of(Phase phase) {
        return phases.get(phase);
    }

    /** These caps with a PT's changes laid over them; fields the patch leaves null keep their value. */
    public Caps with(Map<Phase, PhaseCaps> phasePatches, AfterPlanCaps afterPatch) {
        Map<Phase, PhaseCaps> merged = new EnumMap<>(phases);
        if (phasePatches != null) {
            phasePatches.forEach((phase, patch) -> {
                if (!merged.containsKey(phase)) {
                    throw new IllegalArgumentException("phase " + phase + " has no caps; use REST, RECOVER, REINTRODUCE,"
                            + " REBUILD or RESUME");
                }
                merged.put(phase, merged.get(phase).with(patch));
            });
        }
        return new Caps(Map.copyOf(merged), afterPlan.with(afterPatch));
    }
}
