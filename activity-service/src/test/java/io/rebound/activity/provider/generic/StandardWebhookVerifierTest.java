package io.rebound.activity.provider.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhookVerifierTest {

    private static final String OLD = "whsec_b2xkLXNlY3JldC1vbGQtc2VjcmV0LW9sZC1zZWNyZXQ=";
    private static final String NEW = "whsec_bmV3LXNlY3JldC1uZXctc2VjcmV0LW5ldy1zZWNyZXQ=";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final byte[] BODY = "{\"type\":\"activity.created\"}".getBytes(StandardCharsets.UTF_8);

    private final StandardWebhookVerifier verifier = new StandardWebhookVerifier(List.of(OLD, NEW));

    private static String ts(Instant at) {
        return Long.toString(at.getEpochSecond());
    }

    @Test
    void signatureWithEitherSecretPassesDuringARotation() {
        long t = NOW.getEpochSecond();
        assertThat(verifier.problem("msg_1", ts(NOW), StandardWebhookVerifier.sign(OLD, "msg_1", t, BODY), BODY, NOW)).isNull();
        assertThat(verifier.problem("msg_1", ts(NOW), StandardWebhookVerifier.sign(NEW, "msg_1", t, BODY), BODY, NOW)).isNull();
    }

    @Test
    void oneGoodSignatureAmongSeveralPasses() {
        String header = "v1,AAAA " + StandardWebhookVerifier.sign(NEW, "msg_1", NOW.getEpochSecond(), BODY) + " v2,zzz";
        assertThat(verifier.problem("msg_1", ts(NOW), header, BODY, NOW)).isNull();
    }

    @Test
    void tamperedBodyOrIdOrForeignSecretIsRefused() {
        String good = StandardWebhookVerifier.sign(NEW, "msg_1", NOW.getEpochSecond(), BODY);
        byte[] tampered = "{\"type\":\"activity.deleted\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.problem("msg_1", ts(NOW), good, tampered, NOW)).contains("no webhook-signature matches");
        assertThat(verifier.problem("msg_2", ts(NOW), good, BODY, NOW)).contains("no webhook-signature matches");
        String foreign = StandardWebhookVerifier.sign("whsec_c29tZW9uZS1lbHNl", "msg_1", NOW.getEpochSecond(), BODY);
        assertThat(verifier.problem("msg_1", ts(NOW), foreign, BODY, NOW)).contains("no webhook-signature matches");
    }

    @Test
    void timestampsOutsideFiveMinutesAreRefusedEitherWay() {
        Instant old = NOW.minusSeconds(301);
        Instant future = NOW.plusSeconds(301);
        assertThat(verifier.problem("m", ts(old), StandardWebhookVerifier.sign(NEW, "m", old.getEpochSecond(), BODY), BODY, NOW))
                .contains("5 minutes");
        assertThat(verifier.problem("m", ts(future), StandardWebhookVerifier.sign(NEW, "m", future.getEpochSecond(), BODY), BODY,
                NOW)).contains("5 minutes");
        Instant edge = NOW.minusSeconds(300);
        assertThat(verifier.problem("m", ts(edge), StandardWebhookVerifier.sign(NEW, "m", edge.getEpochSecond(), BODY), BODY,
                NOW)).isNull();
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        assertThat(verifier.problem(null, ts(NOW), "v1,x", BODY, NOW)).contains("required");
        assertThat(verifier.problem("m", "yesterday", "v1,x", BODY, NOW)).contains("Unix seconds");
        assertThat(verifier.problem("m", ts(NOW), "garbage", BODY, NOW)).contains("no webhook-signature matches");
    }
}
