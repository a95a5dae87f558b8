package io.rebound.notification.email.words;

import io.quarkus.runtime.Startup;
import io.rebound.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The languages emails can be written in, and the one chosen ({@code rebound.notification.language}). A language
 * is a {@link Wording} listed here plus its templates under {@code templates/email/<language>/}; asking for one
 * that is not there stops the service at start rather than sending emails in the wrong words.
 */
@Startup
@ApplicationScoped
public class Wordings {

    static final Map<String, Wording> ALL = List.<Wording>of(new English()).stream()
            .collect(Collectors.toUnmodifiableMap(Wording::language, Function.identity()));

    private final Wording chosen;

    @Inject
    public Wordings(NotificationConfig config) {
        this(config.language());
    }

    Wordings(String language) {
        this.chosen = ALL.get(language);
        if (chosen == null) {
            throw new IllegalStateException("rebound.notification.language=" + language
                    + " is not a language Rebound writes emails in; the ones there are: " + ALL.keySet());
        }
    }

    /** The wording of the configured language. */
    public Wording chosen() {
        return chosen;
    }
}
