package io.rebound.activity.connect;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import java.util.function.Supplier;

/** A blocking provider call on a worker thread, its answer handed back on the Vert.x context the caller works on. */
public final class Blocking {

    private Blocking() {
    }

    public static <T> Uni<T> call(Context context, Supplier<T> work) {
        return Uni.createFrom().item(work)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
