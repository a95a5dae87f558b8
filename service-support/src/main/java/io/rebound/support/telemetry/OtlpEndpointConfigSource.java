package io.rebound.support.telemetry;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns tracing on when, and only when, {@code REBOUND_OTLP_ENDPOINT} names an OTLP collector: Quarkus would
 * otherwise export to localhost:4317 and warn about every failed export on a machine with no collector. Its
 * ordinal is below application.properties, so a service's own {@code quarkus.otel.*} settings (the test profile's,
 * say) still win.
 */
public class OtlpEndpointConfigSource implements ConfigSource {

    static final String ENDPOINT = "REBOUND_OTLP_ENDPOINT";

    private final Map<String, String> properties;

    public OtlpEndpointConfigSource() {
        this(System.getProperty(ENDPOINT, System.getenv(ENDPOINT)));
    }

    OtlpEndpointConfigSource(String endpoint) {
        boolean set = endpoint != null && !endpoint.isBlank();
        this.properties = set
                ? Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.exporter.otlp.traces.endpoint", endpoint.trim())
                : Map.of("quarkus.otel.sdk.disabled", "true");
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "rebound-otlp-endpoint";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
