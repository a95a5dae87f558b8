package io.rebound.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KeepOffsetsTest {

    private static final String ACTIVITY = """
            {"activityId": "a-1", "sport": "run", "startTime": "2026-12-05T07:15:00-06:00",
             "durationSeconds": 3600, "distanceMetres": 10000}""";

    @Test
    void anActivityKeepsTheOffsetItStartedIn() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new KeepOffsets().customize(mapper);

        AlertView.Activity activity = mapper.readValue(ACTIVITY, AlertView.Activity.class);

        assertThat(activity.startTime().getOffset()).isEqualTo(ZoneOffset.ofHours(-6));
        assertThat(activity.startTime().getHour()).isEqualTo(7);
    }

    @Test
    void withoutItJacksonMovesTheTimeToUtc() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

        AlertView.Activity activity = mapper.readValue(ACTIVITY, AlertView.Activity.class);

        assertThat(activity.startTime().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(activity.startTime().getHour()).isEqualTo(13);
    }
}
