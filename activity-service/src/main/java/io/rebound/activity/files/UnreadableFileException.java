package io.rebound.activity.files;

/**
 * An uploaded activity file Rebound cannot turn into an activity. The message is meant for the runner: it names what
 * is wrong with the file and what was expected.
 */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
