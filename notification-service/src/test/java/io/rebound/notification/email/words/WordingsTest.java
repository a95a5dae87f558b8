package io.rebound.notification.email.words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WordingsTest {

    @Test
    void englishIsChosenByItsCode() {
        assertThat(new Wordings("en").chosen()).isInstanceOf(English.class);
    }

    @Test
    void aLanguageWithoutWordingStopsTheServiceNamingTheOnesThereAre() {
        assertThatThrownBy(() -> new Wordings("fr"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rebound.notification.language=fr")
                .hasMessageContaining("[en]");
    }

    @Test
    void everyLanguageHasEveryTemplateEnglishHas() throws IOException, URISyntaxException {
        Set<String> english = templates("en");
        assertThat(english).contains("runner.txt", "runner.html", "pt.txt", "pt.html", "withdrawn.txt",
                "withdrawn.html", "digest.txt", "digest.html", "footer.txt", "footer.html");
        for (String language : Wordings.ALL.keySet()) {
            assertThat(templates(language)).as("templates/email/%s", language).isEqualTo(english);
        }
    }

    private static Set<String> templates(String language) throws IOException, URISyntaxException {
        Path folder = Path.of(WordingsTest.class.getResource("/templates/email/" + language).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
