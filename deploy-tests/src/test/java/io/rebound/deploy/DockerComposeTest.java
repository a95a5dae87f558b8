package io.rebound.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docker-compose.yml, checked without a Docker engine: docker-compose validates it, then these tests read it. */
class DockerComposeTest {

    private static final Set<String> WAITS = Set.of("service_healthy", "service_completed_successfully");
    private static final List<ServiceModule> SERVICES = Repo.services();

    @Test
    void dockerComposeAcceptsTheFile() {
        Tool.DOCKER_COMPOSE.run("-f", "docker-compose.yml", "config", "-q");
        System.out.printf("deploy-tests [compose]: docker-compose config -q accepts docker-compose.yml with %d services%n",
                services().size());
    }

    @Test
    void everyServiceIsHealthCheckedAndStartsOnlyOnceWhatItNeedsIsHealthy() {
        Map<String, JsonNode> services = services();
        List<String> problems = new ArrayList<>();
        int dependencies = 0;
        for (Map.Entry<String, JsonNode> entry : services.entrySet()) {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            if (!hasHealthcheck(service) && !isOneShot(name, service, services)) {
                problems.add(name + ": no healthcheck (only a one-shot job, restart \"no\", that others wait to complete"
                        + " may go without)");
            }
            JsonNode dependsOn = service.path("depends_on");
            if (dependsOn.isArray()) {
                problems.add(name + ": depends_on is a list; use the map form with condition: service_healthy");
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = dependsOn.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> dependency = it.next();
                dependencies++;
                String condition = dependency.getValue().path("condition").asText();
                if (!WAITS.contains(condition)) {
                    problems.add(name + " depends on " + dependency.getKey() + " with condition \"" + condition
                            + "\"; expected one of " + WAITS);
                }
                JsonNode target = services.get(dependency.getKey());
                if (target == null) {
                    problems.add(name + " depends on " + dependency.getKey() + ", which is not a service");
                } else if (condition.equals("service_healthy") && !hasHealthcheck(target)) {
                    problems.add(name + " waits for " + dependency.getKey() + " to be healthy, which has no healthcheck");
                }
            }
        }
        for (ServiceModule module : SERVICES) {
            JsonNode service = services.get(module.name());
            if (service == null) {
                problems.add("no compose service " + module.name());
                continue;
            }
            Map<String, String> environment = environment(module.name(), service, problems);
            String healthcheck = service.path("healthcheck").path("test").toString();
            if (!healthcheck.contains("127.0.0.1/" + module.managementPort() + " ")
                    || !healthcheck.contains("/q/health/ready")) {
                problems.add(module.name() + ": the healthcheck must ask /q/health/ready on the management port "
                        + module.managementPort() + " (the packaged service serves health only there)");
            }
            for (String address : List.of("REBOUND_KAFKA_BOOTSTRAP", "REBOUND_DB_JDBC_URL", "REBOUND_SMTP_HOST")) {
                Optional<String> host = Optional.ofNullable(environment.get(address)).map(DockerComposeTest::host);
                if (host.isPresent() && !"service_healthy".equals(service.path("depends_on").path(host.get())
                        .path("condition").asText())) {
                    problems.add(module.name() + " uses " + host.get() + " (" + address + ") without waiting for it to"
                            + " be healthy");
                }
            }
        }
        assertThat(problems).as("docker-compose.yml:%n  %s", String.join("\n  ", problems)).isEmpty();
        System.out.printf("deploy-tests [compose]: %d services health-checked (or one-shot; Rebound's on their"
                + " management port), %d depends_on entries all waiting for service_healthy or service_completed_successfully%n", services.size(), dependencies);
    }

    @Test
    void servicesRunTheirImageWithTheSettingsTheyRead() {
        Map<String, JsonNode> services = services();
        List<String> problems = new ArrayList<>();
        String databases = Repo.text(Repo.root().resolve("deploy/compose/create-databases.sql"));
        String topicScript = services.values().stream()
                .filter(s -> s.path("image").asText().startsWith("apache/kafka") && !hasHealthcheck(s))
                .map(s -> s.path("command").toString())
                .findFirst().orElse("");
        Set<String> topics = new TreeSet<>(Repo.layoutTopics());
        for (ServiceModule module : SERVICES) {
            JsonNode service = services.get(module.name());
            if (service == null) {
                problems.add("no compose service " + module.name());
                continue;
            }
            topics.addAll(module.consumedTopics());
            topics.addAll(module.producedTopics());
            checkBuild(module, service, problems);
            Map<String, String> environment = environment(module.name(), service, problems);
            for (String variable : environment.keySet()) {
                if (!module.reads(variable)) {
                    problems.add(module.name() + " is given " + variable + ", which its application.properties does"
                            + " not read");
                }
            }
            for (String variable : module.variablesDefaultingToThisMachine()) {
                if (!environment.containsKey(variable)) {
                    problems.add(module.name() + " is not given " + variable + ", whose default points at this machine");
                }
            }
            String kafka = host(environment.getOrDefault("REBOUND_KAFKA_BOOTSTRAP", ""));
            if (services.get(kafka) == null || !services.get(kafka).path("image").asText().startsWith("apache/kafka")) {
                problems.add(module.name() + ": REBOUND_KAFKA_BOOTSTRAP does not point at the apache/kafka service");
            }
            String jdbc = environment.getOrDefault("REBOUND_DB_JDBC_URL", "");
            if (!jdbc.endsWith("/" + module.database())) {
                problems.add(module.name() + ": REBOUND_DB_JDBC_URL=" + jdbc + " is not its database " + module.database());
            }
            if (!databases.contains("CREATE DATABASE " + module.database() + ";")) {
                problems.add("deploy/compose/create-databases.sql does not create " + module.database());
            }
            String timeout = environment.get("QUARKUS_SHUTDOWN_TIMEOUT");
            Duration grace = composeDuration(service.path("stop_grace_period").asText("10s"));
            if (timeout == null) {
                problems.add(module.name() + ": QUARKUS_SHUTDOWN_TIMEOUT is not set");
            } else if (grace.compareTo(Durations.quarkus(timeout)) < 0) {
                problems.add(module.name() + ": stop_grace_period " + grace.toSeconds() + " s is shorter than"
                        + " QUARKUS_SHUTDOWN_TIMEOUT " + timeout);
            }
        }
        for (String topic : topics) {
            if (!topicScript.contains(topic)) {
                problems.add("the one-shot topic job does not create " + topic);
            }
        }
        assertThat(problems).as("docker-compose.yml:%n  %s", String.join("\n  ", problems)).isEmpty();
        System.out.printf("deploy-tests [compose]: %d services built from %s (JRE 17, non-root, quarkus-app layout),"
                + " given only settings they read, their databases created, %d topics created by the one-shot job%n",
                SERVICES.size(), ServiceModule.DOCKERFILE, topics.size());
    }

    @Test
    void keycloakServesDevstacksRealmAndTheServicesAndWebAppTrustIt() {
        Map<String, JsonNode> services = services();
        List<String> problems = new ArrayList<>();
        JsonNode keycloak = services.get("keycloak");
        assertThat(keycloak).as("a compose service keycloak").isNotNull();
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>")
                .matcher(Repo.text(Repo.root().resolve("infrastructure/pom.xml")));
        assertThat(version.find()).isTrue();
        if (!keycloak.path("image").asText().equals("quay.io/keycloak/keycloak:" + version.group(1))) {
            problems.add("keycloak runs " + keycloak.path("image").asText() + ", not Keycloak " + version.group(1) + " as devstack");
        }
        List<String> command = new ArrayList<>();
        keycloak.path("command").forEach(c -> command.add(c.asText()));
        String published = keycloak.path("ports").path(0).asText().replaceAll(".*:", "");
        String issuer = "http://localhost:" + published + "/realms/rebound";
        for (String needed : List.of("start-dev", "--import-realm", "--hostname=http://localhost:" + published,
                "--hostname-backchannel-dynamic=true", "--http-port=" + published)) {
            if (!command.contains(needed)) {
                problems.add("keycloak's command " + command + " lacks " + needed);
            }
        }
        String volumes = keycloak.path("volumes").toString();
        if (!volumes.contains("./infrastructure/src/main/resources/keycloak:/opt/keycloak/data/import")) {
            problems.add("keycloak does not import devstack's realm (mount infrastructure/src/main/resources/keycloak at"
                    + " /opt/keycloak/data/import): " + volumes);
        }
        for (ServiceModule module : SERVICES) {
            Map<String, String> environment = environment(module.name(), services.get(module.name()), problems);
            if (!("${REBOUND_JWT_ISSUER:-" + issuer + "}").equals(environment.get("REBOUND_JWT_ISSUER"))) {
                problems.add(module.name() + ": REBOUND_JWT_ISSUER should default to " + issuer + " (as the browser sees"
                        + " Keycloak), was " + environment.get("REBOUND_JWT_ISSUER"));
            }
            String jwks = environment.getOrDefault("REBOUND_JWKS_URL", "").replaceAll("^\\$\\{REBOUND_JWKS_URL:-(.*)}$", "$1");
            if (!jwks.equals("http://keycloak:" + published + "/realms/rebound/protocol/openid-connect/certs")) {
                problems.add(module.name() + ": REBOUND_JWKS_URL should default to the keycloak service on the compose"
                        + " network, was " + jwks);
            }
        }
        JsonNode web = services.get(Repo.WEB);
        if (web == null) {
            problems.add("no compose service web");
        } else {
            Map<String, String> environment = environment(Repo.WEB, web, problems);
            String secret = Repo.text(Repo.root().resolve("infrastructure/src/main/resources/keycloak/rebound-realm.json"))
                    .contains("\"secret\": \"rebound-web-dev-secret\"") ? "rebound-web-dev-secret" : "?";
            if (!environment.getOrDefault("REBOUND_OIDC_CLIENT_SECRET", "").contains(secret)) {
                problems.add("web: REBOUND_OIDC_CLIENT_SECRET does not default to the dev realm's secret for rebound-web");
            }
            if (!"rebound-web".equals(environment.get("REBOUND_OIDC_CLIENT_ID"))) {
                problems.add("web: REBOUND_OIDC_CLIENT_ID should be rebound-web");
            }
            if (!environment.getOrDefault("REBOUND_OIDC_AUTH_SERVER_URL", "").contains("http://keycloak:" + published
                    + "/realms/rebound")) {
                problems.add("web: REBOUND_OIDC_AUTH_SERVER_URL should reach the keycloak service on the compose network");
            }
            Map<String, String> apis = Map.of("REBOUND_ACTIVITY_URL", "activity-service", "REBOUND_PLAN_URL", "plan-service",
                    "REBOUND_NOTIFICATION_URL", "notification-service");
            for (ServiceModule module : SERVICES) {
                String variable = apis.entrySet().stream().filter(e -> e.getValue().equals(module.name()))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (variable != null && !("http://" + module.name() + ":" + module.port()).equals(environment.get(variable))) {
                    problems.add("web: " + variable + "=" + environment.get(variable) + ", expected http://" + module.name()
                            + ":" + module.port());
                }
            }
            if (!"service_healthy".equals(web.path("depends_on").path("keycloak").path("condition").asText())) {
                problems.add("web must wait for keycloak to be healthy: it reads the realm's metadata as it starts");
            }
            if (!web.path("ports").toString().contains("8080:8080")) {
                problems.add("web should publish 8080, as ./rebound up");
            }
        }
        assertThat(problems).as("docker-compose.yml:%n  %s", String.join("\n  ", problems)).isEmpty();
        System.out.printf("deploy-tests [compose]: keycloak imports devstack's realm, tokens name %s, the %d services fetch"
                + " keys at keycloak:%s and the web app signs in with client rebound-web%n", issuer, SERVICES.size(), published);
    }

    private static void checkBuild(ServiceModule module, JsonNode service, List<String> problems) {
        JsonNode build = service.path("build");
        Path context = Repo.root().resolve(build.path("context").asText("?")).normalize();
        if (!context.equals(module.dir().normalize())) {
            problems.add(module.name() + ": build.context should be ./" + module.name());
        }
        if (!ServiceModule.DOCKERFILE.equals(build.path("dockerfile").asText())) {
            problems.add(module.name() + ": build.dockerfile should be " + ServiceModule.DOCKERFILE);
        }
        String dockerfile = Repo.text(module.dir().resolve(ServiceModule.DOCKERFILE));
        List<String> lines = dockerfile.lines().map(String::strip).filter(l -> !l.startsWith("#")).toList();
        String from = lines.stream().filter(l -> l.startsWith("FROM ")).reduce((a, b) -> b).orElse("");
        if (!from.contains("17") || !from.contains("jre")) {
            problems.add(module.name() + ": the image should run on a Java 17 JRE, FROM is \"" + from + "\"");
        }
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        if (user.equals("USER root") || user.equals("USER 0") || user.startsWith("USER 0:")) {
            problems.add(module.name() + ": the image runs as root");
        }
        for (String part : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/", "quarkus-run.jar", "EXPOSE " + module.port())) {
            if (!dockerfile.contains(part)) {
                problems.add(module.name() + ": " + ServiceModule.DOCKERFILE + " never mentions " + part);
            }
        }
        Path ignore = module.dir().resolve(".dockerignore");
        if (!Files.exists(ignore) || !Repo.text(ignore).contains("!target/quarkus-app")) {
            problems.add(module.name() + ": .dockerignore should keep the build context to target/quarkus-app");
        }
    }

    private static Map<String, JsonNode> services() {
        try {
            JsonNode compose = new YAMLMapper().readTree(Repo.root().resolve("docker-compose.yml").toFile());
            Map<String, JsonNode> services = new LinkedHashMap<>();
            compose.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
            assertThat(services).as("docker-compose.yml services").isNotEmpty();
            return services;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> environment(String name, JsonNode service, List<String> problems) {
        JsonNode environment = service.path("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (environment.isArray()) {
            problems.add(name + ": environment is a list; use the map form");
        }
        environment.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    private static boolean hasHealthcheck(JsonNode service) {
        JsonNode test = service.path("healthcheck").path("test");
        return !service.path("healthcheck").path("disable").asBoolean(false)
                && (test.isArray() ? test.size() > 1 && !"NONE".equals(test.get(0).asText()) : !test.asText().isBlank());
    }

    /** A job that runs once (restart "no") and that every dependant waits to complete successfully. */
    private static boolean isOneShot(String name, JsonNode service, Map<String, JsonNode> services) {
        if (!"no".equals(service.path("restart").asText())) {
            return false;
        }
        List<String> conditions = services.values().stream()
                .map(s -> s.path("depends_on").path(name).path("condition").asText(null))
                .filter(c -> c != null)
                .toList();
        return !conditions.isEmpty() && conditions.stream().allMatch("service_completed_successfully"::equals);
    }

    /** The host of "kafka:9092", "mailpit" or "jdbc:postgresql://postgres:5432/plan". */
    private static String host(String address) {
        String value = address.startsWith("jdbc:") ? address.substring(5) : address;
        if (value.contains("://")) {
            return URI.create(value).getHost();
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** Compose durations: 45s, 1m30s, 500ms. */
    private static Duration composeDuration(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.endsWith("MS")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        return Duration.parse("PT" + v);
    }
}
