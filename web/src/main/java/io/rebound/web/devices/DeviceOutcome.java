package io.rebound.web.devices;

import java.util.Arrays;
import java.util.Optional;

/**
 * What became of a connect or disconnect, carried to the Devices page in its address ({@code ?outcome=&provider=})
 * and said there in words. Every failure says that nothing changed: none of them stores anything.
 */
public enum DeviceOutcome {
    CONNECTED("connected", true,
            "%s is connected. New activities from %1$s reach Rebound by themselves from now on."),
    CONNECTED_BACKFILL("connected-backfill", true,
            "%s is connected. Your last 16 weeks of activities are being fetched now; they appear under My activities"
                    + " over the next minutes."),
    DISCONNECTED("disconnected", true,
            "%s is disconnected. New activities from %1$s no longer reach Rebound."),
    NOT_CONNECTED("not-connected", false,
            "%s was not connected, so there was nothing to disconnect."),
    DENIED("denied", false,
            "You did not allow Rebound to read your %s activities, so nothing was connected. You can try again whenever"
                    + " you like."),
    PROVIDER_ERROR("provider-error", false,
            "%s did not finish the connection, so nothing changed. Please try again."),
    STALE("stale", false,
            "That answer from %s does not match a connection you started in this browser, so Rebound ignored it and"
                    + " nothing changed. To connect %1$s, start again from this page."),
    EXPIRED("expired", false,
            "Connecting %s took longer than 10 minutes, so Rebound stopped it to keep your account safe. Nothing"
                    + " changed; please start again."),
    CODE_REFUSED("code-refused", false,
            "%s did not accept the connection (its one-time code had run out or was already used). Nothing changed;"
                    + " please try again."),
    SCOPE_MISSING("scope-missing", false,
            "Rebound needs to read all your %s activities, private ones included, to check them against your plan, and"
                    + " that permission was not given. Nothing was connected: try again and leave every permission"
                    + " ticked."),
    LINKED_ELSEWHERE("linked-elsewhere", false,
            "This %s account is already connected to another Rebound runner, so nothing changed. If it is yours,"
                    + " disconnect it there first, or ask the clinic."),
    PROVIDER_DOWN("provider-down", false,
            "%s is not answering right now, so nothing changed. Please try again in a few minutes."),
    NOT_OFFERED("not-offered", false,
            "Connecting %s is not offered here. Ask the clinic if you need it."),
    MISCONFIGURED("misconfigured", false,
            "Connecting %s is not set up correctly on this server, so it cannot start. Please tell the clinic."),
    UNAVAILABLE("unavailable", false,
            "Rebound could not finish connecting %s just now. The list below says whether it is connected; if it is"
                    + " not, please try again in a minute.");

    private final String id;
    private final boolean success;
    private final String text;

    DeviceOutcome(String id, boolean success, String text) {
        this.id = id;
        this.success = success;
        this.text = text;
    }

    public String id() {
        return id;
    }

    public boolean success() {
        return success;
    }

    /** The sentence for the page, naming the provider; {@code replayed} activities the provider had sent before. */
    public String message(DeviceProvider provider, int replayed) {
        String message = text.formatted(provider.displayName());
        if (replayed > 0 && (this == CONNECTED || this == CONNECTED_BACKFILL)) {
            message += replayed == 1 ? " One activity " + provider.displayName() + " had sent before is added too."
                    : " " + replayed + " activities " + provider.displayName() + " had sent before are added too.";
        }
        return message;
    }

    public static Optional<DeviceOutcome> of(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
    }
}
