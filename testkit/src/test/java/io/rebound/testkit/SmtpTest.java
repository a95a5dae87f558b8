package io.rebound.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebound.infrastructure.Smtp;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded SMTP server can be taken down and brought back on the same port, keeping what it received. */
class SmtpTest {

    private static final String TO = "pt@clinic.example.org";

    private Smtp smtp;

    @BeforeEach
    void start() throws IOException {
        smtp = Smtp.start(0, 0);
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    void pausedServerRefusesConnectionsAndResumesOnTheSamePortKeepingItsMail() throws Exception {
        int port = smtp.smtpPort();
        send("before the outage");
        assertThat(subjects()).containsExactly("before the outage");

        smtp.pause();
        assertThat(smtp.accepting()).isFalse();
        assertThatThrownBy(() -> send("during the outage"))
                .isInstanceOf(MessagingException.class)
                .hasRootCauseInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
        // The mailbox view stays up through the outage, with what came before it.
        assertThat(subjects()).containsExactly("before the outage");

        smtp.resume();
        assertThat(smtp.accepting()).isTrue();
        assertThat(smtp.smtpPort()).isEqualTo(port);
        send("after the outage");
        assertThat(subjects()).containsExactly("before the outage", "after the outage");
    }

    @Test
    void pauseAndResumeTwiceInARowChangeNothingMore() throws Exception {
        smtp.pause();
        smtp.pause();
        smtp.resume();
        smtp.resume();
        send("still one server");
        smtp.pause();
        smtp.resume();
        send("and again");

        assertThat(subjects()).containsExactly("still one server", "and again");
    }

    @Test
    void closingWhilePausedStopsEverything() throws Exception {
        smtp.pause();
        smtp.close();

        assertThatThrownBy(() -> new Mailbox(smtp.mailboxUrl()).messages()).isInstanceOf(IllegalStateException.class);
        smtp = Smtp.start(0, 0);
    }

    private void send(String subject) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtp.smtpPort()));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("alerts@rebound.example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(TO));
        message.setSubject(subject);
        message.setText("hello");
        Transport.send(message);
    }

    private java.util.List<String> subjects() {
        return new Mailbox(smtp.mailboxUrl()).messagesTo(TO).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
