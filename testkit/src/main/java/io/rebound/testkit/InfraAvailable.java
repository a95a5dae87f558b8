package io.rebound.testkit;

import io.rebound.infrastructure.InfraMode;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class, with the reason, when the chosen {@link InfraMode} cannot run here (containers without
 * Docker). Put {@code @ExtendWith(InfraAvailable.class)} next to {@code @QuarkusTestResource(DevstackResource.class)}.
 */
public class InfraAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = InfraMode.current().unavailableReason();
        return reason == null
                ? ConditionEvaluationResult.enabled("infrastructure available: " + InfraMode.current())
                : ConditionEvaluationResult.disabled(reason);
    }
}
