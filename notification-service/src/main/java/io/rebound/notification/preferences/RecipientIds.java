package io.rebound.notification.preferences;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** How recipients are named in the preferences API, in unsubscribe tokens and in email footers. */
public final class RecipientIds {

    /** The prefix of a PT's recipient id; a runner's recipient id is their runnerId. */
    public static final String PT_PREFIX = "pt-";

    private static final int PT_HEX_DIGITS = 20;

    private RecipientIds() {
    }

    /**
     * The recipient id of a PT whose plan gives no id of their own: {@code "pt-"} and the first 20 hex digits (80
     * bits) of the SHA-256 of their email, lowercased and trimmed, e.g. {@code pt-3f1c0a9be27d54c6e801}, the same as
     * {@code PtIds.fromEmail}. The same address is the same PT across all their runners; the hash keeps the address
     * out of URLs. A PT's id (the plan's, else this) is shown in the footer of every email to them. Migration
     * {@code V10__pt_ids.sql} computed the same value in SQL for the rows stored before PT ids travelled on the
     * plans topic.
     */
    public static String ofPt(String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalized(email).getBytes(StandardCharsets.UTF_8));
            return PT_PREFIX + HexFormat.of().formatHex(hash).substring(0, PT_HEX_DIGITS);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** An address as compared and stored for unsubscribing: lowercased and trimmed. */
    public static String normalized(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
