package io.rebound.system;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives every test class of this JVM the same {@link RunningSystem}, whichever JUnit Platform engine runs it (Jupiter's
 * classes extend with this one; jqwik's properties call {@link #obtain()}): the first to ask starts it, and
 * {@link SharedSystemStopper} stops it once every engine has run, so the services boot once for the whole module.
 */
final class SharedSystem implements BeforeAllCallback {

    private static RunningSystem system;

    @Override
    public void beforeAll(ExtensionContext context) {
        obtain();
    }

    /** The running system; call from a test class extended with this one, or after {@link #obtain()}. */
    static synchronized RunningSystem get() {
        if (system == null) {
            throw new IllegalStateException("no system: extend the test class with SharedSystem");
        }
        return system;
    }

    /** The running system, started now if nothing started it yet. */
    static synchronized RunningSystem obtain() {
        if (system == null) {
            try {
                system = RunningSystem.start("system");
            } catch (Exception e) {
                throw new IllegalStateException("the system did not start: " + e.getMessage(), e);
            }
        }
        return system;
    }

    /** Stops the system if it runs; {@link SharedSystemStopper} calls it once every engine has run. */
    static synchronized void stop() throws Exception {
        if (system != null) {
            try {
                system.close();
            } finally {
                system = null;
            }
        }
    }
}
