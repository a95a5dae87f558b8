package io.rebound.plan.rules;

/**
 * The checks of docs/domain.md "Rules"; the name is the key alerts carry. Each cites the part of docs/domain.md it
 * implements.
 */
public enum Rule {
    /** Caps table, REST and RECOVER: "running none: any run = OVERLOAD". */
    NO_RUNNING,
    /** REINTRODUCE and REBUILD: "run days: soft N, hard M". */
    RUN_DAYS,
    /** REINTRODUCE "a run over 6 mi = OVERLOAD"; REBUILD "a run of 10 mi or more = OVERLOAD". */
    SINGLE_RUN_DISTANCE,
    /** REINTRODUCE, REBUILD, RESUME: "phase volume: soft x%, hard y%" of the peak week. */
    PHASE_VOLUME,
    /** REINTRODUCE "above EASY = WARNING"; REBUILD "HARD = WARNING". */
    RUN_INTENSITY,
    /** REINTRODUCE "strides = WARNING"; REBUILD "strides allowed". */
    STRIDES,
    /** REST: "cross-training none: any session = WARNING (walks exempt)". */
    NO_CROSS_TRAINING,
    /** RECOVER to RESUME: "more than N days = WARNING". */
    CROSS_TRAINING_DAYS,
    /** RECOVER to RESUME: "a session over N min = WARNING". */
    CROSS_TRAINING_SESSION,
    /** RECOVER "above EASY = WARNING"; REINTRODUCE "HARD = WARNING". */
    CROSS_TRAINING_INTENSITY,
    /** REST: "deep massage = ADVISORY". */
    DEEP_MASSAGE,
    /** After day 28: acute:chronic workload ratio > 1.3 WARNING, > 1.5 OVERLOAD. */
    WORKLOAD_RATIO,
    /** After day 28: a run more than 30% longer than the longest of the previous 30 days = WARNING. */
    SINGLE_RUN_JUMP
}
