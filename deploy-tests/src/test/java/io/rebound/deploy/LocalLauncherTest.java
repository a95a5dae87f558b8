package io.rebound.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@code rebound} script ({@code ./rebound up}) runs the services and the web app on this machine: their
 * management ports (health, metrics, OpenAPI) listen on loopback there, while containers and Kubernetes keep Quarkus's
 * every-interface default, which their probes and Prometheus need.
 */
class LocalLauncherTest {

    private static final Pattern QUARKUS_LAUNCH = Pattern.compile(".*\\bjava\\b.*-jar\\s+\"[^\"]*(quarkus-run\\.jar|\\$WEB_JAR)\".*");
    private static final Pattern HOST = Pattern.compile("(?m)^MANAGEMENT_HOST=(\\S+)$");

    @Test
    void rebound_upBindsEveryManagementPortToLoopback() {
        // One command per line, continuations joined.
        String script = Repo.text(Repo.root().resolve("rebound")).replace("\\\n", " ");
        Matcher host = HOST.matcher(script);
        assertThat(host.find()).as("rebound sets MANAGEMENT_HOST").isTrue();
        assertThat(host.group(1)).isEqualTo("127.0.0.1");
        List<String> launches = script.lines().filter(line -> QUARKUS_LAUNCH.matcher(line).matches()).toList();
        assertThat(launches).as("the services' AOT training start, the services (one loop each) and the web app")
                .hasSize(3);
        assertThat(launches).allSatisfy(line -> assertThat(line)
                .as("a launch that binds the management port to MANAGEMENT_HOST").contains("QUARKUS_MANAGEMENT_HOST=$MANAGEMENT_HOST"));
        System.out.printf("deploy-tests [launcher]: ./rebound up starts %d Quarkus apps with management on %s%n",
                launches.size(), host.group(1));
    }

    @Test
    void containersAndKubernetesLeaveTheManagementPortOnEveryInterface() throws Exception {
        List<Path> files = new ArrayList<>(List.of(Repo.root().resolve("docker-compose.yml")));
        try (Stream<Path> manifests = Files.walk(Repo.root().resolve("deploy"))) {
            manifests.filter(f -> f.toString().endsWith(".yaml")).forEach(files::add);
        }
        for (String module : List.of("activity-service", "plan-service", "notification-service", Repo.WEB)) {
            files.add(Repo.root().resolve(module).resolve(ServiceModule.DOCKERFILE));
            files.add(Repo.root().resolve(module).resolve("src/main/resources/application.properties"));
        }
        for (Path file : files) {
            assertThat(Repo.text(file)).as("%s binds no management port to one address", file)
                    .doesNotContain("quarkus.management.host").doesNotContain("QUARKUS_MANAGEMENT_HOST");
        }
    }
}
