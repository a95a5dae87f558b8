package io.rebound.notification.email;

/** An alert arrived before its runner's plan: worth retrying, since the plans topic may simply be behind. */
public class ContactNotYetKnownException extends RuntimeException {

    public ContactNotYetKnownException(String runnerId) {
        super("no plan with contacts has arrived yet for runner " + runnerId + "; will retry");
    }
}
