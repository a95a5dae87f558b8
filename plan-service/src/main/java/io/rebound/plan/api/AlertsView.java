package io.rebound.plan.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the inbox, and how many alerts in the caller's view wait for an acknowledgement. */
public record AlertsView(
        List<AlertView> alerts,
        @Schema(description = "RAISED alerts nobody has acknowledged among all the caller may see, whatever the filters")
        long unacknowledged) {
}
