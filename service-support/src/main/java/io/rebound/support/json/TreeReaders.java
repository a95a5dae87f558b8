package io.rebound.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Mappers for code that reads a JSON tree field by field itself (providers' webhooks and answers): one document
 * per text and no key twice, as for request bodies; the types of the values are left to the reader, since some
 * providers quote their numbers.
 */
public final class TreeReaders {

    private static final ObjectMapper STRICT_SYNTAX = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private TreeReaders() {
    }

    /** Shared and thread-safe; use it for {@code readTree} only. */
    public static ObjectMapper strictSyntax() {
        return STRICT_SYNTAX;
    }
}
