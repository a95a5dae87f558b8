package io.rebound.plan;

import io.smallrye.config.ConfigMapping;

/** The settings of plan-service, under {@code rebound.plan.*} (docs/configuration.md lists them). */
@ConfigMapping(prefix = "rebound.plan")
public interface PlanConfig {

    /** The most plans, alerts or activities one list answer holds, whatever {@code limit} asks. */
    int maxList();
}
