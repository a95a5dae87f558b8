package io.rebound.notification.email;

/** An email ready for SMTP: both parts of a multipart/alternative message. */
public record RenderedEmail(String text, String html) {
}
