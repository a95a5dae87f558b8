package io.rebound.plan.rules;

/**
 * The thresholds that watch a runner after day 28 (docs/domain.md "After day 28").
 *
 * @param acwrWarning          acute:chronic workload ratio above this is a WARNING
 * @param acwrOverload         acute:chronic workload ratio above this is an OVERLOAD
 * @param singleRunJumpShare   a run longer than the longest of the previous 30 days by more than this share is a
 *                             WARNING (0.3 = 30%)
 */
public record AfterPlanCaps(Double acwrWarning, Double acwrOverload, Double singleRunJumpShare) {

    public AfterPlanCaps with(AfterPlanCaps patch) {
        if (patch == null) {
            return this;
        }
        return new AfterPlanCaps(PhaseCaps.pick(patch.acwrWarning, acwrWarning),
                PhaseCaps.pick(patch.acwrOverload, acwrOverload),
                PhaseCaps.pick(patch.singleRunJumpShare, singleRunJumpShare));
    }
}
