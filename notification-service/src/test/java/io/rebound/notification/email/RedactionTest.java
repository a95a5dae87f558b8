package io.rebound.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void anAddressQuotedBySmtpIsReplaced() {
        String smtp = "SMTPException: 550 5.1.1 <Robin.Lee+runs@runners.example.org>: Recipient address rejected;"
                + " also cc pt-7@clinic.example.org";

        assertThat(Redaction.withoutPersonalData(smtp, List.of()))
                .isEqualTo("SMTPException: 550 5.1.1 <address>: Recipient address rejected; also cc <address>");
    }

    @Test
    void theDeliverysNamesAreReplacedAsWholeWordsInAnyCase() {
        String error = "cannot render: AlertEmail[runnerName=Robin Lee, ptName=Dr. Sam Okafor] ROBIN LEE; Al is Already here";

        assertThat(Redaction.withoutPersonalData(error, List.of("Robin Lee", "Dr. Sam Okafor", "Al", " ")))
                .isEqualTo("cannot render: AlertEmail[runnerName=<name>, ptName=<name>] <name>; <name> is Already here");
    }

    @Test
    void missingTextIsSaidAndLongTextIsCut() {
        assertThat(Redaction.withoutPersonalData(null, List.of())).isEqualTo("no error text");
        assertThat(Redaction.withoutPersonalData("  ", List.of())).isEqualTo("no error text");
        assertThat(Redaction.withoutPersonalData("x".repeat(5000), List.of())).hasSize(Redaction.MAX_LENGTH).endsWith("…");
    }

    @Test
    void textWithoutPersonalDataIsKeptAsIs() {
        String refused = "ConnectException: Connection refused: /127.0.0.1:2525";

        assertThat(Redaction.withoutPersonalData(refused, List.of("Robin Lee"))).isEqualTo(refused);
    }
}
