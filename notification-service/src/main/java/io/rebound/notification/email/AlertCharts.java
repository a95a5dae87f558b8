package io.rebound.notification.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rebound.notification.chart.RunChart;
import io.rebound.notification.chart.RunChartRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The chart PNG of each alert, drawn once for both of its emails (the runner's and the PT's show the same chart) and
 * for their retries, while the alert is among the last few hundred drawn. Drawing it is most of the CPU an email
 * costs. {@code rebound_email_charts_drawn_total} counts the drawings.
 */
@ApplicationScoped
public class AlertCharts {

    /** About 20 KB each: a few MB at most, and enough for the deliveries claimed and retried at any one time. */
    static final int KEPT = 256;

    private final RunChartRenderer renderer = new RunChartRenderer();
    private final Map<UUID, Drawing> recent = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Drawing> eldest) {
            return size() > KEPT;
        }
    };
    private final Counter drawn;

    public AlertCharts(MeterRegistry registry) {
        this.drawn = Counter.builder("rebound.email.charts.drawn")
                .description("Alert charts drawn as PNG; an alert's emails and their retries share one drawing")
                .register(registry);
    }

    /** The alert's chart as PNG: drawn now if no email of this alert has drawn it yet, the same bytes otherwise. */
    public byte[] png(UUID alertId, RunChart chart) {
        Drawing drawing;
        synchronized (recent) {
            drawing = recent.computeIfAbsent(alertId, id -> new Drawing());
        }
        return drawing.png(chart);
    }

    /** One alert's chart; the runner's and the PT's email asking at once wait for the same drawing. */
    private final class Drawing {

        private byte[] png;

        synchronized byte[] png(RunChart chart) {
            if (png == null) {
                png = renderer.png(chart);
                drawn.increment();
            }
            return png;
        }
    }
}
