package io.rebound.support.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OtlpEndpointConfigSourceTest {

    @Test
    void noEndpointTurnsTracingOff() {
        assertThat(new OtlpEndpointConfigSource(null).getProperties())
                .containsExactly(java.util.Map.entry("quarkus.otel.sdk.disabled", "true"));
        assertThat(new OtlpEndpointConfigSource("  ").getValue("quarkus.otel.sdk.disabled")).isEqualTo("true");
    }

    @Test
    void anEndpointTurnsTracingOnAndExportsThere() {
        OtlpEndpointConfigSource source = new OtlpEndpointConfigSource(" http://otel-collector:4317 ");
        assertThat(source.getValue("quarkus.otel.sdk.disabled")).isEqualTo("false");
        assertThat(source.getValue("quarkus.otel.exporter.otlp.traces.endpoint")).isEqualTo("http://otel-collector:4317");
    }

    @Test
    void aServicesOwnSettingsWin() {
        assertThat(new OtlpEndpointConfigSource(null).getOrdinal()).isLessThan(250);
    }
}
