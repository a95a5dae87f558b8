package io.rebound.web.client;

import java.util.List;

/** The alerts the caller may see, and how many of all of them (filters aside) nobody has acknowledged yet. */
public record AlertList(List<AlertView> alerts, int unacknowledged) {

    public List<AlertView> items() {
        return alerts == null ? List.of() : alerts;
    }
}
