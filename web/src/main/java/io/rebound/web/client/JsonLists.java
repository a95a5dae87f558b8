package io.rebound.web.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a listing whether the service answers a JSON array or an object holding one ({@code {"plans": [...]}}):
 * the newest listings' envelope is not settled, and a page should not break on it.
 */
public final class JsonLists {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonLists() {
    }

    public static <T> List<T> items(JsonNode node, Class<T> type) {
        JsonNode array = node;
        if (node != null && node.isObject()) {
            array = null;
            for (Iterator<JsonNode> values = node.elements(); values.hasNext(); ) {
                JsonNode value = values.next();
                if (value.isArray()) {
                    array = value;
                    break;
                }
            }
        }
        List<T> items = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return items;
        }
        for (JsonNode item : array) {
            items.add(JSON.convertValue(item, type));
        }
        return items;
    }
}
