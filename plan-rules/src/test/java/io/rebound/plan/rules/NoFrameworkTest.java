package io.rebound.plan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule engine stays plain Java (STYLE.md "no framework in it"): nothing of Quarkus, Jakarta, JPA, SmallRye,
 * Vert.x or Hibernate on its class path or in its sources, and of Rebound's own code only the events it reads.
 */
class NoFrameworkTest {

    /** A framework package, or a Rebound package other than the rules and the events, as an import or a full name. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(io\\.quarkus|jakarta|javax\\.persistence|io\\.smallrye|io\\.vertx|org\\.hibernate)\\.[A-Za-z]"
                    + "|\\bio\\.rebound\\.(?!plan\\.rules\\b|events\\b)[A-Za-z]");

    /** Surefire runs in the module's directory. */
    private static final Path SOURCES = Path.of("src", "main", "java");

    @ParameterizedTest
    @ValueSource(strings = {
            "io.quarkus.runtime.Quarkus",
            "jakarta.inject.Inject",
            "jakarta.enterprise.context.ApplicationScoped",
            "jakarta.persistence.Entity",
            "javax.persistence.Entity",
            "io.smallrye.mutiny.Uni",
            "io.vertx.core.Vertx",
            "org.hibernate.Session",
            "io.rebound.support.problem.Problem",
            "io.rebound.plan.PlanService"})
    void frameworkClassIsNotOnTheClassPath(String name) {
        assertThatThrownBy(() -> Class.forName(name, false, NoFrameworkTest.class.getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void sourcesReferToNoFrameworkAndNoOtherReboundCode() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        // Guards against scanning the wrong directory and passing on nothing.
        assertThat(files).contains(SOURCES.resolve(Path.of("io", "rebound", "plan", "rules", "RuleEngine.java")));

        List<String> offending = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (FORBIDDEN.matcher(lines.get(i)).find()) {
                    offending.add(SOURCES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(offending).as("lines of the rule engine that use a framework or other Rebound code").isEmpty();
    }
}
