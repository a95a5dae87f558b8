package io.rebound.system;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Stops the {@link SharedSystem} when the test plan, every engine's tests, has run; registered in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}. Jupiter's own store would close it when
 * Jupiter's classes are done, before jqwik's properties run.
 */
public final class SharedSystemStopper implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        try {
            SharedSystem.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the system did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
