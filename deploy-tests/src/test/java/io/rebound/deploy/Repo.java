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

/** The repository around this module: its root, its services, the deployment guide and devstack's layout. */
final class Repo {

    private static final Pattern LAYOUT_TOPIC = Pattern.compile("topic\\(\"([^\"]+)\"\\)");

    private Repo() {
    }

    static Path root() {
        String root = System.getProperty("rebound.root");
        return (root == null ? Path.of("..") : Path.of(root)).toAbsolutePath().normalize();
    }

    /** The web app's module (people's front door): deployed too, but with no database or Kafka of its own. */
    static final String WEB = "web";

    /**
     * Every module with src/main/docker/Dockerfile.jvm is deployed; those with a database of their own (all but the
     * web app) are the services, checked for Kafka, PostgreSQL and their settings.
     */
    static List<ServiceModule> services() {
        try (Stream<Path> modules = Files.list(root())) {
            List<ServiceModule> services = new ArrayList<>();
            modules.filter(m -> Files.isRegularFile(m.resolve(ServiceModule.DOCKERFILE)))
                    .filter(m -> !m.getFileName().toString().equals(WEB))
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

    /**
     * Whether the web app's packaged jar keeps /q (health, metrics) off its pages' port; true while the module is not
     * in this checkout (its manifests are checked without it).
     */
    static boolean webServesHealthOnItsManagementPort() {
        Path properties = root().resolve(WEB).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(properties)) {
            return true;
        }
        return text(properties).lines().map(String::strip)
                .anyMatch(line -> line.replace(" ", "").equals("%prod.quarkus.management.enabled=true"));
    }

    /** The topics devstack creates for local runs and tests (Layout.topics()): deployments must have them too. */
    static List<String> layoutTopics() {
        Path layout = root().resolve("infrastructure/src/main/java/io/rebound/infrastructure/Layout.java");
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

    /** The deployment guide, docs/deploy.md: what an operator reads before deploying. */
    static String deployGuide() {
        Path guide = root().resolve("docs/deploy.md");
        if (!Files.isRegularFile(guide)) {
            throw new IllegalStateException("docs/deploy.md is missing");
        }
        return text(guide);
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
