package io.rebound.activity.files;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Secure StAX reading shared by the GPX and TCX readers: no DTDs, no external entities, namespaces on. */
final class XmlFiles {

    private static final XMLInputFactory FACTORY = secureFactory();

    private XmlFiles() {
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    /**
     * A reader over the content that refuses a DOCTYPE outright, so no entity in an uploaded file is ever declared,
     * let alone resolved.
     */
    static XMLStreamReader open(byte[] content, String formatName) {
        try {
            return new DoctypeRefusingReader(FACTORY.createXMLStreamReader(new ByteArrayInputStream(content)), formatName);
        } catch (XMLStreamException e) {
            throw notWellFormed(formatName, e);
        }
    }

    /** The local name of the root element, or empty when the content does not start like XML at all; {@code formatName} is for messages. */
    static Optional<String> rootElement(byte[] content, String formatName) {
        if (!looksLikeXml(content)) {
            return Optional.empty();
        }
        XMLStreamReader reader = open(content, formatName);
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    return Optional.of(reader.getLocalName());
                }
            }
            return Optional.empty();
        } catch (XMLStreamException e) {
            throw notWellFormed(formatName, e);
        } finally {
            close(reader);
        }
    }

    /** Whether the first character after an optional byte order mark and whitespace is '<'. */
    private static boolean looksLikeXml(byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        return i < content.length && content[i] == '<';
    }

    static UnreadableFileException notWellFormed(String formatName, XMLStreamException e) {
        // The JDK's StAX message leads with "ParseError at [row,col]" and "Message:" lines; the last line is the reason.
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String reason = message.lines().reduce((first, second) -> second).orElse(message).replaceFirst("^\\s*Message:\\s*", "").trim();
        String line = e.getLocation() == null || e.getLocation().getLineNumber() < 1 ? "" : " (line " + e.getLocation().getLineNumber() + ")";
        return new UnreadableFileException("the " + formatName + " file is not well-formed XML" + line + ": " + reason, e);
    }

    static void close(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // Nothing is left to release for an in-memory reader; the parse result already stands.
        }
    }

    /** An ISO 8601 date-time with its offset, or at UTC when the file gave none. */
    static OffsetDateTime parseTime(String text, String what) {
        String trimmed = text == null ? "" : text.trim();
        try {
            return OffsetDateTime.parse(trimmed);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(trimmed).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new UnreadableFileException(what + " '" + trimmed
                        + "' is not a date-time, expected ISO 8601 such as 2024-05-01T07:30:00Z", e);
            }
        }
    }

    static double parseNumber(String text, String what) {
        String trimmed = text == null ? "" : text.trim();
        try {
            double value = Double.parseDouble(trimmed);
            if (!Double.isFinite(value) || value < 0) {
                throw new NumberFormatException("negative or not finite");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UnreadableFileException(what + " '" + trimmed + "' is not valid, expected a non-negative decimal number", e);
        }
    }
}
