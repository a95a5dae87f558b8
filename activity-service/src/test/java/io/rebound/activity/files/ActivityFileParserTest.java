package io.rebound.activity.files;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActivityFileParserTest {

    private final ActivityFileParser parser = new ActivityFileParser();

    @Test
    void randomBytesAreNotAnActivityFile() {
        byte[] noise = new byte[4096];
        new Random(20240501L).nextBytes(noise);

        assertThatThrownBy(() -> parser.parse("run.fit", noise))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("not a FIT, GPX or TCX file")
                .hasMessageContaining("named .fit");
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> parser.parse("run.gpx", new byte[0]))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void otherXmlIsNotAnActivityFile() {
        byte[] xml = "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"/>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse("route.kml", xml))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("root element <kml>")
                .hasMessageContaining("not a FIT, GPX or TCX file");
    }

    @Test
    void fileOverTheLimitIsRefusedNamingTheLimit() {
        byte[] huge = new byte[ActivityFileParser.MAX_BYTES + 1];

        assertThatThrownBy(() -> parser.parse("huge.gpx", huge))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("25 MiB limit");
    }
}
