package io.rebound.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository around this module: its root, its services, README and devstack's layout. */
final class Repo {

    private static final Pattern LAYOUT_TOPIC = Pattern.compile("topic\\(\"([^\"]+)\"\\)");

    private Repo() {
    }

    static Path root() {
        String root = System.getProperty("rebound.root");
        return (root == null ? Path.of("..") : Path.of(root)).toAbsolutePath().normalize();
    }

    /** Every module with src/main/docker/Dockerfile.jvm is a service that is deployed. */
    static List<ServiceModule> services() {
        try (Stream<Path> modules = Files.list(root())) {
            List<ServiceModule> services = new ArrayList<>();
            modules.filter(m -> Files.isRegularFile(m.resolve(ServiceModule.DOCKERFILE)))
                    .sorted()
                    .forEach(m -> services.add(ServiceModule.read(m)));
            if (services.isEmpty()) {
                throw new IllegalStateException("no module under " + root() + " has " + ServiceModule.DOCKERFILE);
            }
            return services;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topics devstack creates for local runs and tests (Layout.topics()): deployments must have them too. */
    static List<String> layoutTopics() {
        Path layout = root().resolve("devstack/src/main/java/io/rebound/devstack/Layout.java");
        List<String> topics = new ArrayList<>();
        Matcher matcher = LAYOUT_TOPIC.matcher(text(layout));
        while (matcher.find()) {
            topics.add(matcher.group(1));
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException("found no topic(\"...\") in " + layout + "; has Layout changed shape?");
        }
        return topics;
    }

    /** The README's "## Deploy" section, up to the next second-level heading. */
    static String readmeDeploySection() {
        String readme = text(root().resolve("README.md"));
        int start = readme.indexOf("\n## Deploy\n");
        if (start < 0) {
            throw new IllegalStateException("README.md has no \"## Deploy\" section");
        }
        int end = readme.indexOf("\n## ", start + 1);
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
