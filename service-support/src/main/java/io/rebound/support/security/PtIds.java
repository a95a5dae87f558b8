package io.rebound.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How a PT is identified: by the id their plans name, which is the subject of their token. A plan may give the PT's
 * id (their subject at the clinic's identity provider); when it does not, the id is derived from their email as
 * notification-service has always named PT recipients: {@code "pt-"} and the first 20 hex digits of the SHA-256 of
 * the address, trimmed and lowercased.
 */
public final class PtIds {

    public static final String PREFIX = "pt-";
    private static final int HEX_DIGITS = 20;

    private PtIds() {
    }

    /** The PT id derived from an email address, e.g. {@code pt-3f1c0a9be27d54c6e801}. */
    public static String fromEmail(String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** The PT id a plan names: the one given, else the one derived from the email. */
    public static String of(String givenId, String email) {
        return givenId == null || givenId.isBlank() ? fromEmail(email) : givenId.strip();
    }
}
