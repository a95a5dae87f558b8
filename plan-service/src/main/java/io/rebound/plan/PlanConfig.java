package io.rebound.plan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of plan-service, under {@code rebound.plan.*} (docs/configuration.md lists them). */
@ConfigMapping(prefix = "rebound.plan")
public interface PlanConfig {

    /** The most plans, alerts or activities one list answer holds, whatever {@code limit} asks. */
    int maxList();

    Topics topics();

    /** The topics plan-service publishes on (the activities it reads come from its {@code activities} channel's). */
    interface Topics {
        /** {@code OverloadAlertRaised}, {@code AlertWithdrawn}, {@code AlertAcknowledged}. */
        @WithDefault("alerts")
        String alerts();

        /** {@code PlanChanged}, compacted by runner. */
        @WithDefault("plans")
        String plans();
    }
}
