package io.rebound.web.runners;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.web.client.CapsView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapsHistoryTest {

    @Test
    void changesAreNewestFirstInPlainLines() {
        CapsView caps = new CapsView(null, true, List.of(
                new CapsView.Change("Dr. Ortiz", "Knee", Instant.parse("2026-11-09T10:00:00Z"),
                        "{\"changedBy\":\"Dr. Ortiz\",\"reason\":\"Knee\",\"phases\":{\"REINTRODUCE\":{\"volumeHardShare\":0.15,\"singleRunMetres\":6437.376}}}"),
                new CapsView.Change("Dr. Ortiz", "Calf", Instant.parse("2026-11-10T10:00:00Z"),
                        "{\"changedBy\":\"Dr. Ortiz\",\"reason\":\"Calf\",\"injured\":true}")));

        List<CapsHistory.Entry> entries = CapsHistory.of(caps, "mi");

        assertThat(entries).extracting(CapsHistory.Entry::reason).containsExactly("Calf", "Knee");
        assertThat(entries.get(0).what()).containsExactly("marked injured yes");
        assertThat(entries.get(1).what()).containsExactlyInAnyOrder("Reintroduce: total running before an overload 15%",
                "Reintroduce: longest single run 4 mi");
    }
}
