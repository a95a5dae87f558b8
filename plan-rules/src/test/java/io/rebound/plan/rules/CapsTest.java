package io.rebound.plan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.events.Phase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/domain.md "PT customisation": overrides change one runner's caps and leave the template alone. */
class CapsTest {

    private static PhaseCaps only(Double volumeSoft, Double volumeHard) {
        return new PhaseCaps(null, null, null, null, null, volumeSoft, volumeHard, null, null, null, null, null, null, null);
    }

    @Test
    void overrideChangesOnlyTheFieldsGivenAndNotTheTemplate() {
        Caps injured = Caps.TEMPLATE.with(Map.of(Phase.REBUILD, only(null, 0.45)), null);
        assertThat(injured.of(Phase.REBUILD).volumeHardShare()).isEqualTo(0.45);
        assertThat(injured.of(Phase.REBUILD).volumeSoftShare()).isEqualTo(0.40);
        assertThat(injured.of(Phase.REBUILD).runDaysHard()).isEqualTo(5);
        assertThat(Caps.TEMPLATE.of(Phase.REBUILD).volumeHardShare()).isEqualTo(0.50);
    }

    @Test
    void hardCapBelowTheSoftOneBringsTheSoftCapDown() {
        // docs/domain.md "PT customisation" example: an injured runner's REINTRODUCE hard volume at 15%, below the
        // default soft 20%.
        Caps injured = Caps.TEMPLATE.with(Map.of(Phase.REINTRODUCE, only(null, 0.15)), null);
        assertThat(injured.of(Phase.REINTRODUCE).volumeHardShare()).isEqualTo(0.15);
        assertThat(injured.of(Phase.REINTRODUCE).volumeSoftShare()).isEqualTo(0.15);
    }

    @Test
    void capsSurviveTheirJsonForm() throws Exception {
        var mapper = io.rebound.events.EventJson.mapper();
        assertThat(mapper.readValue(mapper.writeValueAsString(Caps.TEMPLATE), Caps.class)).isEqualTo(Caps.TEMPLATE);
    }
}
