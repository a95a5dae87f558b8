package io.rebound.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void readsAProblemDocumentWithItsFieldErrors() {
        ApiProblem problem = ProblemResponses.read("""
                {"type":"about:blank","title":"Conflict","status":409,"detail":"alert already acknowledged",
                 "instance":"/api/v1/alerts/x/acknowledgement","errors":[{"field":"note","message":"too long"}]}""");

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).isEqualTo("alert already acknowledged");
        assertThat(problem.fieldErrors()).containsExactly(new ApiProblem.FieldError("note", "too long"));
    }

    @Test
    void aBodyThatIsNoProblemIsNone() {
        assertThat(ProblemResponses.read("<html>Bad gateway</html>")).isNull();
        assertThat(ProblemResponses.read("")).isNull();
    }

    @Test
    void listsAreReadWhetherBareOrWrapped() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        String item = "{\"runnerId\":\"r-1\",\"runnerName\":\"Sam\",\"raceDate\":\"2026-11-01\",\"injured\":false,"
                + "\"today\":{\"date\":\"2026-11-10\",\"day\":9,\"phase\":\"REINTRODUCE\"},\"unknown\":1}";
        try {
            assertThat(JsonLists.items(json.readTree("[" + item + "]"), PlanSummary.class)).singleElement()
                    .satisfies(p -> assertThat(p.today().day()).isEqualTo(9));
            assertThat(JsonLists.items(json.readTree("{\"plans\":[" + item + "]}"), PlanSummary.class)).hasSize(1);
            assertThat(JsonLists.items(json.readTree("{}"), PlanSummary.class)).isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
