package io.rebound.events;

/** A record on a topic could not be read as the event type it claims to be. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String type, Throwable cause) {
        super("cannot read a " + type + " event: " + cause.getMessage(), cause);
    }
}
