package io.rebound.events;

/** How serious a finding is, lowest first (docs/domain.md "Findings and alerts"). */
public enum Severity {
    ADVISORY,
    WARNING,
    OVERLOAD
}
