package io.rebound.events;

/** How serious a finding is, lowest first (DOMAIN.md "Findings and alerts"). */
public enum Severity {
    ADVISORY,
    WARNING,
    OVERLOAD
}
