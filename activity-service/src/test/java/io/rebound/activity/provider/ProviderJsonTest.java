package io.rebound.activity.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.support.problem.Problem;
import io.rebound.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The generic webhook's and Garmin's fields have the JSON types their documents give, nothing looser. */
class ProviderJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTextFieldIsReadAsGiven() throws Exception {
        assertThat(ProviderJson.text(json("{\"summaryId\": \"x153a9f3-5a9478d4-6\"}"), "activities[0].summaryId"))
                .isEqualTo("x153a9f3-5a9478d4-6");
    }

    @Test
    void aNumberForATextFieldIsRefusedByName() throws Exception {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> ProviderJson.text(json("{\"summaryId\": 519771}"), "activities[0].summaryId"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).containsExactly(
                new Problem.FieldError("activities[0].summaryId", "must be a string, not number"));
    }

    @Test
    void aFractionForAWholeNumberIsRefusedNotRounded() throws Exception {
        JsonNode node = json("{\"averageHeartRate\": 150.5}");

        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> ProviderJson.optionalWholeNumber(node, "data.averageHeartRate", 20, 250));

        assertThat(refused.errors()).containsExactly(new Problem.FieldError("data.averageHeartRate", "must be a whole number"));
        assertThat(ProviderJson.optionalWholeNumber(json("{\"averageHeartRate\": 150}"), "data.averageHeartRate", 20, 250))
                .isEqualTo(150);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
