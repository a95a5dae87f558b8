package io.rebound.support.json;

import java.util.Optional;

/**
 * What any text a client sends must be: valid Unicode (no unpaired surrogate, which has no UTF-8 form and which
 * PostgreSQL cannot store) without control characters other than tab, line feed and carriage return: neither C0
 * (U+0000-U+001F; NUL cannot be stored in PostgreSQL text at all) nor DEL and C1 (U+007F-U+009F, e.g. U+009B, a
 * terminal's escape), which have no place in names, ids or tokens.
 */
public final class Texts {

    private Texts() {
    }

    /** Why {@code text} is refused, or empty when it is fine. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must be valid Unicode text (an unpaired surrogate U+" + hex(c) + " at character "
                        + i + ")");
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                return Optional.of("must not contain control characters (U+" + hex(c) + " at character " + i + ")");
            }
        }
        return Optional.empty();
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
