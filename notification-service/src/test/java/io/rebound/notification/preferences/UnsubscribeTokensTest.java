package io.rebound.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebound.notification.NotificationConfig;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private final UnsubscribeTokens tokens = new UnsubscribeTokens(SECRET);

    @Test
    void signedTokenNamesTheRecipientAndAddress() {
        String token = tokens.sign("runner-42", "robin@runners.example.org");
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(tokens.verify(token)).contains(new UnsubscribeTokens.Subject("runner-42", "robin@runners.example.org"));
    }

    @Test
    void alteredPayloadWithTheOldSignatureIsRefused() {
        String token = tokens.sign("runner-42", "robin@runners.example.org");
        String signature = token.substring(token.indexOf('.'));
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1\nrunner-42\nsomeone@else.example.org".getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(forged + signature)).isEmpty();
    }

    @Test
    void anyChangedCharacterIsRefused() {
        String token = tokens.sign("runner-42", "robin@runners.example.org");
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThat(tokens.verify(changed)).as("changed at %d: %s", i, changed).isEmpty();
        }
    }

    @Test
    void tokenOfAnotherSecretOrMalformedIsRefused() {
        String other = new UnsubscribeTokens("another-secret-of-at-least-thirty-two-chars").sign("runner-42", "r@x.org");
        assertThat(tokens.verify(other)).isEmpty();
        for (String bad : new String[] {null, "", ".", "abc", "abc.def.ghi", "!!!.???"}) {
            assertThat(tokens.verify(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void missingOrShortSecretStopsTheServiceWithTheReason() {
        assertThatThrownBy(() -> new UnsubscribeTokens(config(Optional.empty())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REBOUND_UNSUBSCRIBE_SECRET").hasMessageContaining("not set");
        assertThatThrownBy(() -> new UnsubscribeTokens(config(Optional.of("too-short"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("9 characters").hasMessageContaining("at least 32");
        assertThat(new UnsubscribeTokens(config(Optional.of(SECRET))).verify(tokens.sign("a", "b@c.org"))).isPresent();
    }

    /** Only the secret is read. */
    private static NotificationConfig config(Optional<String> secret) {
        return (NotificationConfig) Proxy.newProxyInstance(NotificationConfig.class.getClassLoader(),
                new Class<?>[] {NotificationConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unsubscribeSecret")) {
                        return secret;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
