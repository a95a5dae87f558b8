package io.rebound.notification;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rebound.testkit.DevstackResource;
import io.rebound.infrastructure.Smtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * For tests that pause devstack's embedded SMTP server or cut its connections: {@link #smtp} is that server, and it
 * is taking mail again after each test, whatever happened.
 */
abstract class SmtpStopping {

    protected Smtp smtp;

    @BeforeEach
    void embeddedSmtp() {
        smtp = DevstackResource.smtp().orElse(null);
        assumeTrue(smtp != null, "this test stops devstack's embedded SMTP server (run without -Dinfra)");
    }

    @AfterEach
    void smtpBack() {
        if (smtp != null) {
            smtp.resume();
        }
    }
}
