package io.rebound.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checks a JSON document against the schema of its event type: in the tests of producers and consumers, and by consumers on every record. */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The violations of the schema, empty when the document is valid. */
    public static List<String> violations(EventType<?> type, String json) {
        JsonNode document;
        try {
            document = EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        return schema(type).validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * The violations a consumer refuses a record for: those of the schema except fields it does not know, which a
     * newer producer may add (events change only by optional fields) and which reading ignores.
     */
    public static List<String> readerViolations(EventType<?> type, JsonNode document) {
        return schema(type).validate(document).stream()
                .filter(message -> !"additionalProperties".equals(message.getType()))
                .map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The schema document itself, as a string (for documentation and schema registries). */
    public static String schemaText(EventType<?> type) {
        try (InputStream in = open(type)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(EventType<?> type) {
        return SCHEMAS.computeIfAbsent(type.schema(), name -> {
            try (InputStream in = open(type)) {
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static InputStream open(EventType<?> type) {
        InputStream in = EventSchemas.class.getResourceAsStream("/schemas/" + type.schema());
        if (in == null) {
            throw new IllegalStateException("no schema /schemas/" + type.schema() + " for " + type.type());
        }
        return in;
    }
}
