package io.rebound.notification.email;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes personal data out of text that leaves the service's own database (the dead-letter topic): an SMTP server
 * may quote the recipient's address in its refusal, and a rendering error may quote the template's data.
 */
final class Redaction {

    /** Long enough for any SMTP reply or exception message worth reading; a stack of causes is cut. */
    static final int MAX_LENGTH = 1000;

    private static final Pattern ADDRESS = Pattern.compile("<?[^\\s<>@,;:\"()\\[\\]]+@[^\\s<>@,;:\"()\\[\\]]+>?");

    private Redaction() {
    }

    /**
     * The text with every email address replaced by {@code <address>} and each of the given names (whole words,
     * any case) by {@code <name>}, at most {@link #MAX_LENGTH} characters; "no error text" when there is none.
     */
    static String withoutPersonalData(String text, Collection<String> names) {
        if (text == null || text.isBlank()) {
            return "no error text";
        }
        String redacted = ADDRESS.matcher(text).replaceAll("<address>");
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name.strip()) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                redacted = word.matcher(redacted).replaceAll(Matcher.quoteReplacement("<name>"));
            }
        }
        return redacted.length() <= MAX_LENGTH ? redacted : redacted.substring(0, MAX_LENGTH - 1) + "…";
    }
}
