package io.rebound.system;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives every test class of this JVM the same {@link RunningSystem}: the first class to run starts it, and JUnit
 * stops it once all have run (its root store closes what it holds), so the services boot once for the whole module.
 */
final class SharedSystem implements BeforeAllCallback {

    private static volatile RunningSystem system;

    @Override
    public void beforeAll(ExtensionContext context) {
        system = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSystem.class, key -> start(), RunningSystem.class);
    }

    /** The running system; call from a test class extended with this one. */
    static RunningSystem get() {
        if (system == null) {
            throw new IllegalStateException("no system: extend the test class with SharedSystem");
        }
        return system;
    }

    private static RunningSystem start() {
        try {
            return RunningSystem.start("system");
        } catch (Exception e) {
            throw new IllegalStateException("the system did not start: " + e.getMessage(), e);
        }
    }
}
