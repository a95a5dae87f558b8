package io.rebound.support.vertx;

import io.quarkus.opentelemetry.runtime.QuarkusContextStorage;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/** Vert.x contexts that Hibernate Reactive accepts for work started outside an HTTP request. */
public final class SafeContexts {

    private SafeContexts() {
    }

    /** A fresh duplicated context, marked safe: Hibernate Reactive refuses contexts shared with other work. */
    public static Context fresh(Vertx vertx) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    /**
     * A fresh context, as {@link #fresh}, that carries on the trace current here (a Kafka record's consumer span,
     * say): spans and outbox rows of the work done on it belong to that trace.
     */
    public static Context freshInCurrentTrace(Vertx vertx) {
        io.opentelemetry.context.Context trace = io.opentelemetry.context.Context.current();
        Context context = fresh(vertx);
        // The context is this work's alone and dropped with it, so the scope is never closed.
        QuarkusContextStorage.INSTANCE.attach(context, trace);
        return context;
    }

    /**
     * Builds and runs the work on the context at each subscription: Panache binds its session to the context
     * current when the Uni is built, so a retry after a backoff delay must build it there again.
     */
    public static <T> Uni<T> on(Context context, Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().deferred(work)
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
