package io.rebound.events;

/** The kinds the plan's caps are written for (docs/domain.md "Activity kinds"). */
public enum ActivityKind {
    RUN,
    CROSS_TRAINING,
    WALK,
    MASSAGE,
    OTHER
}
