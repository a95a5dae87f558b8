package io.rebound.plan;

/** Where a plan's peak week came from (docs/domain.md "Volume"). */
public enum PeakWeekSource {
    /** Given by the runner or PT when the plan was made. */
    GIVEN,
    /** The highest rolling 7-day running distance in the 16 weeks before race day, from the ledger. */
    COMPUTED
}
