package io.rebound.web.errors;

/** Show the error page for this status with a sentence for the person. */
public class PageException extends RuntimeException {

    private final int status;

    public PageException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static PageException forbidden(String message) {
        return new PageException(403, message);
    }

    public static PageException notFound() {
        return new PageException(404, "There is nothing here, or it is not yours to see.");
    }

    public int status() {
        return status;
    }
}
