package io.rebound.support.telemetry;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of the current span, as text that can be
 * stored with an outbox row and set as Kafka headers later, when the span itself is long gone.
 *
 * @param traceparent null when no span is current (tracing off, or work started outside any trace)
 * @param tracestate  null when the trace carries no vendor state
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** The context of the span current on this thread or Vert.x context. */
    public static TraceContext current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        String state = carrier.get(TRACESTATE);
        return new TraceContext(carrier.get(TRACEPARENT), state == null || state.isEmpty() ? null : state);
    }

    /**
     * This context as the parent of a span started now, however much later: the root context (a new trace) when
     * there is none.
     */
    public Context asParent() {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MAP);
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
}
