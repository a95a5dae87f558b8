package io.rebound.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each deployed app (the three services and the web app) is built, deployed and scaled on its own, so none may
 * depend on another, in its build or in its code: they meet only through Kafka topics and HTTP APIs. What they share
 * sits in the library modules (events, plan-rules, service-support). The rule engine's own freedom from frameworks
 * is checked in plan-rules (NoFrameworkTest).
 */
class ModuleBoundariesTest {

    /** The root package of each deployed app's code. */
    private static final Map<String, String> APPS = Map.of(
            "activity-service", "io.rebound.activity",
            "plan-service", "io.rebound.plan",
            "notification-service", "io.rebound.notification",
            Repo.WEB, "io.rebound.web");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.rebound\\.(activity|plan|notification|web)\\b(\\.rules\\b)?");

    @Test
    void noDeployedAppDependsOnAnotherInItsBuild() {
        Map<String, List<String>> found = new TreeMap<>();
        for (String app : APPS.keySet()) {
            List<String> others = dependencies(Repo.root().resolve(app).resolve("pom.xml")).stream()
                    .filter(APPS::containsKey)
                    .toList();
            if (!others.isEmpty()) {
                found.put(app, others);
            }
        }
        assertThat(found).as("deployed apps whose pom depends on another deployed app").isEmpty();
        System.out.printf("deploy-tests [modules]: %s depend on none of each other%n", new TreeMap<>(APPS).keySet());
    }

    @Test
    void noDeployedAppNamesAnotherAppsCode() {
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, String> app : APPS.entrySet()) {
            for (Path source : javaSources(Repo.root().resolve(app.getKey()).resolve("src"))) {
                files++;
                Matcher reference = REFERENCE.matcher(Repo.text(source));
                while (reference.find()) {
                    String named = reference.group(0);
                    boolean own = named.equals(app.getValue()) || named.startsWith(app.getValue() + ".");
                    boolean sharedRules = reference.group(2) != null;
                    if (!own && !sharedRules) {
                        found.add(Repo.root().relativize(source) + " names " + named);
                    }
                }
            }
        }
        assertThat(files).as("Java sources read").isPositive();
        assertThat(found).as("references from one deployed app's code to another's").isEmpty();
        System.out.printf("deploy-tests [modules]: %d Java files of the four apps name no other app's package%n", files);
    }

    /** The artifactIds of the project's own modules a pom depends on (groupId io.rebound or the project's). */
    private static List<String> dependencies(Path pom) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(pom.toFile());
            NodeList nodes = document.getElementsByTagName("dependency");
            List<String> ours = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element dependency = (Element) nodes.item(i);
                String group = text(dependency, "groupId");
                if (group.equals("io.rebound") || group.equals("${project.groupId}")) {
                    ours.add(text(dependency, "artifactId"));
                }
            }
            assertThat(ours).as("project modules %s depends on", pom).isNotEmpty();
            return ours;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static List<Path> javaSources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
