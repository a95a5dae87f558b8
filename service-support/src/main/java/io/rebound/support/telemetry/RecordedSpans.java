package io.rebound.support.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The spans the service ended, kept in memory for the services' tests (it also keeps the OTLP exporter out of
 * them). Only in test builds: a production build has no such bean.
 */
@IfBuildProfile("test")
@Singleton
public class RecordedSpans implements SpanExporter {

    private static final int KEPT = 20_000;

    private final ConcurrentLinkedDeque<SpanData> spans = new ConcurrentLinkedDeque<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
        spans.addAll(batch);
        while (spans.size() > KEPT) {
            spans.pollFirst();
        }
        return CompletableResultCode.ofSuccess();
    }

    public List<SpanData> of(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
