package io.rebound.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class UploadAnswerTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void multisportAnswerListsEveryLeg() throws Exception {
        UploadAnswer answer = json.readValue("""
                {"outcome": "created", "activityId": "a1", "activities": [
                  {"outcome": "created", "activityId": "a1", "sport": "swim"},
                  {"outcome": "created", "activityId": "a2", "sport": "ride"},
                  {"outcome": "duplicate", "activityId": "a3", "sport": "run"}]}""", UploadAnswer.class);

        assertThat(answer.count()).isEqualTo(3);
        assertThat(answer.activities()).extracting(UploadAnswer.Leg::sport).containsExactly("swim", "ride", "run");
    }

    @Test
    void answerWithoutTheListIsOneActivity() throws Exception {
        UploadAnswer answer = json.readValue("{\"outcome\": \"created\", \"activityId\": \"a1\"}", UploadAnswer.class);

        assertThat(answer.count()).isEqualTo(1);
    }
}
