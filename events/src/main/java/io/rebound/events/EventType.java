package io.rebound.events;

/**
 * One versioned kind of event: its CloudEvents type, its payload record and its JSON Schema.
 *
 * @param type     the {@code ce_type}, ending in the version, e.g. {@code rebound.activity.recorded.v1}
 * @param schema   the schema's file name under {@code /schemas/} in this module
 */
public record EventType<T>(String type, Class<T> payload, String schema) {
}
