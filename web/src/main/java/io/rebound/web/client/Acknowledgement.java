package io.rebound.web.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** POST /api/v1/alerts/{alertId}/acknowledgement: an optional note of at most 1000 characters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Acknowledgement(String note) {
}
