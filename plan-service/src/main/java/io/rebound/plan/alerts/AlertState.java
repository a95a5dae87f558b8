package io.rebound.plan.alerts;

/** Where a finding stands. */
public enum AlertState {
    /** Published as OverloadAlertRaised. */
    RAISED,
    /** Crossed together with the OVERLOAD of the same rule, which was raised instead. */
    SUPERSEDED,
    /** An ADVISORY: shown in the API, never sent. */
    NOTED,
    /** No longer holds; AlertWithdrawn was published if it had been raised. */
    WITHDRAWN
}
