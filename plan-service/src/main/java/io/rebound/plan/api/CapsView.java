package io.rebound.plan.api;

import io.rebound.plan.rules.Caps;
import java.time.Instant;
import java.util.List;

/** A runner's caps now, and the changes that made them so, oldest first. */
public record CapsView(Caps caps, boolean injured, List<Change> changes) {

    /** @param changes what was sent, as JSON */
    public record Change(String changedBy, String reason, Instant changedAt, String changes) {
    }
}
