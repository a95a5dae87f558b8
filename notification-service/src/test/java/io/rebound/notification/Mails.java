package io.rebound.notification;

import io.rebound.testkit.Mailbox;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads back what the real SMTP server received. */
final class Mails {

    private Mails() {
    }

    static Mailbox mailbox() {
        return new Mailbox(ConfigProvider.getConfig().getValue("rebound.devstack.mailbox-url", String.class));
    }

    static List<MimeMessage> to(String address) {
        return mailbox().messagesTo(address);
    }

    static List<String> recipients(MimeMessage message) throws MessagingException {
        return Arrays.stream(message.getRecipients(MimeMessage.RecipientType.TO))
                .map(address -> ((InternetAddress) address).getAddress())
                .toList();
    }

    /** The message's top-level multipart, which must be multipart/alternative. */
    static MimeMultipart alternative(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (!(content instanceof MimeMultipart multipart)) {
            throw new AssertionError("expected a multipart message, got " + message.getContentType());
        }
        return multipart;
    }

    /** The decoded text of the first part of the given type, searching nested multiparts. */
    static String part(Part message, String mimeType) throws MessagingException, IOException {
        if (message.isMimeType(mimeType)) {
            return (String) message.getContent();
        }
        if (message.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = partOrNull(part, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new AssertionError("no " + mimeType + " part in the message");
    }

    private static String partOrNull(Part part, String mimeType) throws MessagingException, IOException {
        try {
            return part(part, mimeType);
        } catch (AssertionError notHere) {
            return null;
        }
    }

    /** The bytes of the inline part with the given Content-ID (without angle brackets), searching nested multiparts. */
    static byte[] inline(Part message, String contentId) throws MessagingException, IOException {
        if (message instanceof jakarta.mail.internet.MimePart mime && ("<" + contentId + ">").equals(mime.getContentID())) {
            try (var in = message.getInputStream()) {
                return in.readAllBytes();
            }
        }
        if (message.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                try {
                    return inline(multipart.getBodyPart(i), contentId);
                } catch (AssertionError notHere) {
                    // keep looking in the next part
                }
            }
        }
        throw new AssertionError("no inline part with Content-ID <" + contentId + ">");
    }
}
