package io.rebound.notification.email;

import java.util.List;

/**
 * An email ready for SMTP: both parts of a multipart/alternative message, and the images the HTML part shows
 * inline ({@code <img src="cid:...">}).
 */
public record RenderedEmail(String text, String html, List<InlineImage> images) {

    public RenderedEmail(String text, String html) {
        this(text, html, List.of());
    }

    /** A PNG the HTML part refers to as {@code cid:contentId}. */
    public record InlineImage(String contentId, String fileName, byte[] png) {
    }
}
