package io.rebound.support.work;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Makes every {@code @WithTransaction} method wake, once its transaction has committed, the queues given work inside
 * it ({@link AfterCommit}). It runs just outside Quarkus' own interceptor (priority 200), so what it sees complete is
 * the commit.
 */
@WithTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 199)
public class WakeAfterCommitInterceptor {

    @AroundInvoke
    Object wakeAfterCommit(InvocationContext invocation) throws Exception {
        var context = Vertx.currentContext();
        Object result = invocation.proceed();
        if (!(result instanceof Uni<?> transaction)) {
            return result;
        }
        return AfterCommit.tracked(context, transaction, AfterCommit::transactionOpen);
    }
}
