package io.rebound.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs no running Keycloak: user names, the JDK it runs on, the dev realm's shape. */
class KeycloakTest {

    @Test
    void aSubjectKeycloakTakesAsAUserNameIsKeptAndOthersGetADistinctOne() {
        assertThat(Keycloak.username("r-42")).isEqualTo("r-42");
        assertThat(Keycloak.username("pt-0123456789abcdef0123")).isEqualTo("pt-0123456789abcdef0123");
        // Keycloak lowercases user names: subjects differing only in case must not meet.
        assertThat(Keycloak.username("R-42")).startsWith("r-42-").isNotEqualTo(Keycloak.username("r-42"));
        assertThat(Keycloak.username("Clinic:Ortiz")).matches("[a-z0-9._@-]+").startsWith("clinic-ortiz-");
        assertThat(Keycloak.username("x")).startsWith("x-");
    }

    @Test
    void theJdkIsReadFromItsReleaseFile(@TempDir Path dir) throws Exception {
        Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
        Path java = Files.createFile(jdk.resolve("java"));
        java.toFile().setExecutable(true);
        Files.writeString(dir.resolve("jdk/release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");
        assertThat(Keycloak.javaVersion(dir.resolve("jdk"))).contains(25);
        Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"1.8.0_402\"\n");
        assertThat(Keycloak.javaVersion(dir.resolve("jdk"))).contains(8);
        assertThat(Keycloak.javaVersion(dir.resolve("nothing"))).isEmpty();
    }

    @Test
    void theDevRealmHasTheTwoClientsAndTheThreeDemoUsersWithPlainGroupNames() {
        JsonNode realm = Keycloak.realm();
        assertThat(realm.path("realm").asText()).isEqualTo(Keycloak.REALM);
        List<String> clients = new ArrayList<>();
        realm.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
        assertThat(clients).containsExactly(Keycloak.WEB_CLIENT, Keycloak.CLI_CLIENT);
        JsonNode web = realm.path("clients").get(0);
        assertThat(web.path("publicClient").asBoolean()).isFalse();
        assertThat(web.path("secret").asText()).isEqualTo(Keycloak.WEB_CLIENT_SECRET);
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        JsonNode cli = realm.path("clients").get(1);
        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.path("standardFlowEnabled").asBoolean()).isFalse();
        for (JsonNode client : realm.path("clients")) {
            JsonNode mapper = client.path("protocolMappers").get(0);
            assertThat(mapper.path("config").path("claim.name").asText()).isEqualTo("groups");
            assertThat(mapper.path("config").path("full.path").asText()).isEqualTo("false");
        }
        List<String> users = new ArrayList<>();
        realm.path("users").forEach(u -> users.add(u.path("id").asText() + " " + u.path("username").asText() + " "
                + u.path("groups").get(0).asText()));
        assertThat(users).containsExactly("demo-runner sam /runner", "pt-demo ortiz /pt", "clinic-admin clinic /admin");
        assertThat(realm.path("passwordPolicy").asText()).contains("pbkdf2-sha256");
    }
}
