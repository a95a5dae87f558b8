package io.rebound.support.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.rebound.support.http.HttpConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;

/**
 * Keeps the offset a client sent with a time: a runner's local date depends on it. And reads request bodies
 * strictly: one JSON document per body of at most {@code rebound.http.max-json-body-size} (also when sent without a
 * length), no key twice, every value of the JSON type the API names (no {@code "1800"} or {@code 1800.5} for a
 * whole number, no number or boolean for a string, no {@code 1} or {@code "true"} for a boolean, no number or array
 * for a time or an enum), no enum with spaces around it, no {@code ""} for a number, no time in a date, and no text
 * {@link Texts} refuses.
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    private final long maxDocumentBytes;

    @Inject
    public JsonCustomizer(HttpConfig http) {
        this(http.maxJsonBodySize().asLongValue());
    }

    public JsonCustomizer(long maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // A body sent without a length is only counted as it is read: the parser stops at the limit (413).
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(maxDocumentBytes).build());
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        // A date is a date: "2026-11-03T07:00:00Z" is not quietly cut down to 2026-11-03.
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.registerModule(new SimpleModule("rebound-strict-values")
                .addDeserializer(String.class, new CheckedStringDeserializer())
                .setDeserializerModifier(new TextOnlyDeserializer.Modifier()));
    }
}
