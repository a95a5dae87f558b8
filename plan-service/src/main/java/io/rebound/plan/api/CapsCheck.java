package io.rebound.plan.api;

import io.rebound.events.Phase;
import io.rebound.plan.rules.AfterPlanCaps;
import io.rebound.plan.rules.Caps;
import io.rebound.plan.rules.PhaseCaps;
import io.rebound.support.problem.Problem;
import io.rebound.support.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Refuses a caps change that makes no sense, naming each field: negative counts, shares out of range, soft above hard. */
final class CapsCheck {

    private static final double MAX_SHARE = 2.0;

    private CapsCheck() {
    }

    static void check(CapsChange change, Caps current) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (change.phases() != null) {
            for (Map.Entry<Phase, PhaseCaps> entry : change.phases().entrySet()) {
                String at = "phases." + entry.getKey();
                if (current.of(entry.getKey()) == null) {
                    errors.add(new Problem.FieldError(at, "has no caps; use REST, RECOVER, REINTRODUCE, REBUILD or RESUME"));
                    continue;
                }
                PhaseCaps patch = entry.getValue();
                if (patch == null) {
                    continue;
                }
                atLeast(errors, at + ".runDaysSoft", patch.runDaysSoft(), 0);
                atLeast(errors, at + ".runDaysHard", patch.runDaysHard(), 0);
                atLeast(errors, at + ".crossTrainingDaysMax", patch.crossTrainingDaysMax(), 0);
                atLeast(errors, at + ".crossTrainingSessionMinutes", patch.crossTrainingSessionMinutes(), 1);
                share(errors, at + ".volumeSoftShare", patch.volumeSoftShare());
                share(errors, at + ".volumeHardShare", patch.volumeHardShare());
                if (patch.singleRunMetres() != null && !(patch.singleRunMetres() > 0 && patch.singleRunMetres() <= 100_000)) {
                    errors.add(new Problem.FieldError(at + ".singleRunMetres",
                            "must be more than 0 and at most 100000 metres (got " + patch.singleRunMetres() + ")"));
                }
                PhaseCaps merged = current.of(entry.getKey()).with(patch);
                if (merged.runDaysSoft() != null && merged.runDaysHard() != null && merged.runDaysSoft() > merged.runDaysHard()) {
                    errors.add(new Problem.FieldError(at + ".runDaysSoft", "must not be above runDaysHard ("
                            + merged.runDaysSoft() + " > " + merged.runDaysHard() + ")"));
                }
                if (merged.volumeSoftShare() != null && merged.volumeHardShare() != null
                        && merged.volumeSoftShare() > merged.volumeHardShare()) {
                    errors.add(new Problem.FieldError(at + ".volumeSoftShare", "must not be above volumeHardShare ("
                            + merged.volumeSoftShare() + " > " + merged.volumeHardShare() + ")"));
                }
            }
        }
        AfterPlanCaps after = change.afterPlan();
        if (after != null) {
            positive(errors, "afterPlan.acwrWarning", after.acwrWarning());
            positive(errors, "afterPlan.acwrOverload", after.acwrOverload());
            positive(errors, "afterPlan.singleRunJumpShare", after.singleRunJumpShare());
            AfterPlanCaps merged = current.afterPlan().with(after);
            if (merged.acwrWarning() != null && merged.acwrOverload() != null && merged.acwrWarning() > merged.acwrOverload()) {
                errors.add(new Problem.FieldError("afterPlan.acwrWarning", "must not be above acwrOverload ("
                        + merged.acwrWarning() + " > " + merged.acwrOverload() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void atLeast(List<Problem.FieldError> errors, String field, Integer value, int min) {
        if (value != null && value < min) {
            errors.add(new Problem.FieldError(field, "must be at least " + min + " (got " + value + ")"));
        }
    }

    private static void share(List<Problem.FieldError> errors, String field, Double value) {
        if (value != null && !(value > 0 && value <= MAX_SHARE)) {
            errors.add(new Problem.FieldError(field, "must be a share of the peak week above 0 and at most " + MAX_SHARE
                    + ", e.g. 0.15 for 15% (got " + value + ")"));
        }
    }

    private static void positive(List<Problem.FieldError> errors, String field, Double value) {
        if (value != null && !(value > 0 && value < 10)) {
            errors.add(new Problem.FieldError(field, "must be above 0 and below 10 (got " + value + ")"));
        }
    }
}
