package io.rebound.support.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ParameterCheckTest {

    private static MultivaluedMap<String, String> params(String name, String value) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        params.add(name, value);
        return params;
    }

    private static MultivaluedMap<String, String> none() {
        return new MultivaluedHashMap<>();
    }

    private static Problem.FieldError refusal(MultivaluedMap<String, String> path, MultivaluedMap<String, String> query) {
        ProblemException refused = catchThrowableOfType(() -> ParameterCheck.check(path, query), ProblemException.class);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).hasSize(1);
        return refused.errors().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "   ", "\t", "\n"})
    void aBlankOrWhitespaceRunnerIdInThePathIsRefusedByName(String blank) {
        Problem.FieldError error = refusal(params("runnerId", blank), none());

        assertThat(error.field()).isEqualTo("runnerId");
        assertThat(error.message()).startsWith("must not be blank");
    }

    @Test
    void aBlankIdInTheQueryOrAPathRecipientIsRefusedByName() {
        assertThat(refusal(none(), params("runnerId", " ")).field()).isEqualTo("runnerId");
        assertThat(refusal(none(), params("runnerId", "")).field()).isEqualTo("runnerId");
        assertThat(refusal(params("recipientId", " "), none()).field()).isEqualTo("recipientId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1", "1-1-1-1-1", "00000000-0000-0000-0000-00000000000g", " "})
    void anActivityOrAlertIdThatIsNoUuidIsRefusedByName(String id) {
        assertThat(refusal(params("activityId", id), none()).field()).isEqualTo("activityId");
        assertThat(refusal(params("alertId", id), none()).field()).isEqualTo("alertId");
    }

    @Test
    void wellFormedIdsAndAbsentOnesPass() {
        MultivaluedMap<String, String> path = params("runnerId", "runner-42");
        path.add("recipientId", "pt:coach@example.org");
        path.add("activityId", "3f2b6c1e-8d4a-4e5f-9a7b-0c1d2e3f4a5b");
        path.add("alertId", "3F2B6C1E-8D4A-4E5F-9A7B-0C1D2E3F4A5B");
        MultivaluedMap<String, String> query = params("runnerId", "runner-42");
        query.add("limit", "20");

        assertThatCode(() -> ParameterCheck.check(path, query)).doesNotThrowAnyException();
        assertThatCode(() -> ParameterCheck.check(none(), none())).doesNotThrowAnyException();
    }
}
