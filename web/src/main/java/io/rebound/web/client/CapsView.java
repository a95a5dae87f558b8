package io.rebound.web.client;

import java.time.Instant;
import java.util.List;

/** A runner's caps now and every change that made them so, oldest first. */
public record CapsView(PlanView.Caps caps, boolean injured, List<Change> changes) {

    /** @param changes what was sent, as JSON text */
    public record Change(String changedBy, String reason, Instant changedAt, String changes) {
    }
}
