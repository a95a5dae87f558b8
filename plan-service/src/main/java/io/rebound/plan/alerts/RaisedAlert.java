package io.rebound.plan.alerts;

import io.rebound.events.Phase;
import io.rebound.events.Severity;
import io.rebound.plan.rules.Rule;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** How an alert is named: the same (plan, phase window, rule, severity) always gives the same id. */
final class RaisedAlert {

    private RaisedAlert() {
    }

    static UUID id(UUID planId, Phase phase, Rule rule, Severity severity) {
        String name = "rebound-alert|" + planId + "|" + phase + "|" + rule + "|" + severity;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
