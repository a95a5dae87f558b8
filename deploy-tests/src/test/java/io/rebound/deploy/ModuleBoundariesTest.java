package io.rebound.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each deployed app (the three services and the web app) is built, deployed and scaled on its own, so none may
 * depend on another, in its build or in its code: they meet only through Kafka topics and HTTP APIs. What they share
 * sits in the library modules (events, plan-rules, service-support). The rule engine's own freedom from frameworks
 * is checked in plan-rules (NoFrameworkTest). The test kit is a test dependency only, and the infrastructure the
 * local runner ships carries no test framework. Inside activity-service, grouped by provider, the packages depend on
 * each other in one direction only.
 */
class ModuleBoundariesTest {

    /** The root package of each deployed app's code. */
    private static final Map<String, String> APPS = Map.of(
            "activity-service", "io.rebound.activity",
            "plan-service", "io.rebound.plan",
            "notification-service", "io.rebound.notification",
            Repo.WEB, "io.rebound.web");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.rebound\\.(activity|plan|notification|web)\\b(\\.rules\\b)?");
    private static final String INFRASTRUCTURE = "infrastructure";
    private static final String TESTKIT = "testkit";
    /** JUnit (4 or 5), Quarkus's test artifacts and the test kit, by groupId:artifactId. */
    private static final Pattern TEST_FRAMEWORK_ARTIFACT = Pattern.compile("^(junit:|org\\.junit[.:]|io\\.quarkus:quarkus-(junit|test))|:testkit$");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    private static final Pattern ACTIVITY_IMPORT = Pattern.compile("(?m)^import (?:static )?(io\\.rebound\\.activity(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern TEST_FRAMEWORK_PACKAGE = Pattern.compile("\\b(org\\.junit|io\\.quarkus\\.test|io\\.rebound\\.testkit)\\b");

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

    @Test
    void theTestKitIsOnlyEverATestDependency() {
        List<String> found = new ArrayList<>();
        List<Path> poms = modulePoms();
        for (Path pom : poms) {
            for (Element dependency : directDependencies(pom)) {
                if (text(dependency, "artifactId").equals(TESTKIT) && !text(dependency, "scope").equals("test")) {
                    found.add(Repo.root().relativize(pom) + " depends on " + TESTKIT + " in scope '"
                            + text(dependency, "scope") + "'");
                }
            }
        }
        assertThat(poms).as("module poms read").hasSizeGreaterThan(APPS.size());
        assertThat(found).as("dependencies on the test kit outside test scope").isEmpty();
        System.out.printf("deploy-tests [modules]: %d poms, %s only in test scope%n", poms.size(), TESTKIT);
    }

    @Test
    void theInfrastructureCarriesNoTestFramework() {
        Path module = Repo.root().resolve(INFRASTRUCTURE);
        List<String> found = new ArrayList<>();
        for (Element dependency : directDependencies(module.resolve("pom.xml"))) {
            String name = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
            if (!text(dependency, "scope").equals("test") && TEST_FRAMEWORK_ARTIFACT.matcher(name).find()) {
                found.add(INFRASTRUCTURE + "/pom.xml depends on " + name + " outside test scope");
            }
        }
        List<Path> sources = javaSources(module.resolve("src/main/java"));
        for (Path source : sources) {
            Matcher reference = TEST_FRAMEWORK_PACKAGE.matcher(Repo.text(source));
            while (reference.find()) {
                found.add(Repo.root().relativize(source) + " names " + reference.group());
            }
        }
        assertThat(sources).as("Java sources read in %s", module).isNotEmpty();
        assertThat(found).as("test frameworks in the infrastructure (the local runner ships it)").isEmpty();
        System.out.printf("deploy-tests [modules]: %s (%d Java files) has no JUnit, Quarkus test or %s on its class"
                + " path%n", INFRASTRUCTURE, sources.size(), TESTKIT);
    }

    @Test
    void activityServicePackagesDependInOneDirection() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path source : javaSources(Repo.root().resolve("activity-service/src/main/java"))) {
            String text = Repo.text(source);
            Matcher declared = PACKAGE.matcher(text);
            assertThat(declared.find()).as("package of %s", source).isTrue();
            Set<String> used = uses.computeIfAbsent(declared.group(1), ignored -> new TreeSet<>());
            Matcher imported = ACTIVITY_IMPORT.matcher(text);
            while (imported.find()) {
                if (!imported.group(1).equals(declared.group(1))) {
                    used.add(imported.group(1));
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            cycleBack(start, start, uses, new ArrayList<>(List.of(start))).ifPresent(cycles::add);
        }
        assertThat(uses).as("activity-service packages read").containsKeys("io.rebound.activity.provider.strava",
                "io.rebound.activity.fetch", "io.rebound.activity.connect");
        assertThat(cycles).as("activity-service packages that depend on themselves through others").isEmpty();
        System.out.printf("deploy-tests [modules]: activity-service's %d packages depend on each other in one direction%n",
                uses.size());
    }

    /** A path of imports from {@code at} back to {@code start}, written "a -> b -> a", if there is one. */
    private static Optional<String> cycleBack(String start, String at, Map<String, Set<String>> uses, List<String> path) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                return Optional.of(String.join(" -> ", path) + " -> " + start);
            }
            if (!path.contains(next)) {
                path.add(next);
                Optional<String> found = cycleBack(start, next, uses, path);
                path.remove(path.size() - 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The pom of every module of the build, the profiles' too (bench), found by walking the module lists. */
    private static List<Path> modulePoms() {
        List<Path> poms = new ArrayList<>();
        List<Path> todo = new ArrayList<>(List.of(Repo.root().resolve("pom.xml")));
        while (!todo.isEmpty()) {
            Path pom = todo.remove(0);
            poms.add(pom);
            NodeList modules = document(pom).getElementsByTagName("module");
            for (int i = 0; i < modules.getLength(); i++) {
                todo.add(pom.resolveSibling(modules.item(i).getTextContent().strip()).resolve("pom.xml"));
            }
        }
        return poms;
    }

    /** The dependencies a pom declares for itself (not those it manages for others). */
    private static List<Element> directDependencies(Path pom) {
        List<Element> found = new ArrayList<>();
        NodeList children = document(pom).getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals("dependencies")) {
                NodeList dependencies = element.getElementsByTagName("dependency");
                for (int j = 0; j < dependencies.getLength(); j++) {
                    found.add((Element) dependencies.item(j));
                }
            }
        }
        return found;
    }

    private static Document document(Path pom) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    /** The artifactIds of the project's own modules a pom depends on (groupId io.rebound or the project's). */
    private static List<String> dependencies(Path pom) {
        NodeList nodes = document(pom).getElementsByTagName("dependency");
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
