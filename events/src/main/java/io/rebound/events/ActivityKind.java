package io.rebound.events;

/** The kinds the plan's caps are written for (DOMAIN.md "Activity kinds"). */
public enum ActivityKind {
    RUN,
    CROSS_TRAINING,
    WALK,
    MASSAGE,
    OTHER
}
