package io.rebound.notification.preferences;

import java.time.Instant;

/**
 * What to do with an email a recipient is owed, given their preferences.
 *
 * @param until  for DEFER, when the email is due again
 * @param reason for SUPPRESS and DEFER, why, for the log
 */
public record Decision(Action action, Instant until, String reason) {

    public enum Action {
        SEND,
        /** Close without sending: the address unsubscribed, or the PT turned the digest off. */
        SUPPRESS,
        /** Not now: back to PENDING until the quiet hours end, without counting an attempt. */
        DEFER
    }

    private static final Decision SEND = new Decision(Action.SEND, null, null);

    public static Decision send() {
        return SEND;
    }

    public static Decision suppress(String reason) {
        return new Decision(Action.SUPPRESS, null, reason);
    }

    public static Decision defer(Instant until, String reason) {
        return new Decision(Action.DEFER, until, reason);
    }
}
