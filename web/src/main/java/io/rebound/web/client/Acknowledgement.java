package io.rebound.web.client;

/** POST /api/v1/alerts/{alertId}/acknowledgement: an optional note of at most 1000 characters. */
public record Acknowledgement(String note) {
}
