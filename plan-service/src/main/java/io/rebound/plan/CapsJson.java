package io.rebound.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rebound.events.EventJson;
import io.rebound.plan.rules.Caps;

/** The JSON a plan's caps are stored as. */
final class CapsJson {

    private CapsJson() {
    }

    static String write(Object caps) {
        return EventJson.write(caps);
    }

    static Caps read(String json) {
        try {
            return EventJson.mapper().readValue(json, Caps.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored caps are unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
