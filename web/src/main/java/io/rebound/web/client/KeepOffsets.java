package io.rebound.web.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Keeps the offset a time was given with when the services' JSON is read: an activity that started at 07:15 in
 * Chicago stays 07:15-06:00 on the page, not 13:15 UTC (Jackson moves every time to UTC by default).
 */
@Singleton
public class KeepOffsets implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }
}
