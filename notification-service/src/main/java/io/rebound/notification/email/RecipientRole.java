package io.rebound.notification.email;

/** Who a delivery is for. */
public enum RecipientRole {
    RUNNER,
    PT
}
